using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>Media and product carousels (§1.7.7).</summary>
public class CarouselRulesTests
{
    private static string MediaCard(int i, string header = "image") =>
        $$"""{"card_index":{{i}},"type":"cta_url","header":{"type":"{{header}}","{{header}}":{"link":"https://cdn.example.com/{{i}}"} },""" +
        $$"""  "action":{"name":"cta_url","parameters":{"display_text":"Buy","url":"https://shop.example.com/{{i}}"} } }""";

    private static string QuickReply(int card, int button) =>
        $$"""{"type":"quick_reply","quick_reply":{"id":"c{{card}}-b{{button}}","title":"Pick {{button}}"} }""";

    private static string QuickReplyCard(int i, int buttons) =>
        $$"""{"card_index":{{i}},"type":"cta_url","header":{"type":"image","image":{"id":"media-{{i}}"} },"body":{"text":"Card {{i}}"},""" +
        "\"action\":{\"buttons\":" + Many(buttons, b => QuickReply(i, b)) + "}}";

    private static string ProductCard(int i, string catalog = "556677889900") =>
        $$"""{"card_index":{{i}},"type":"product","action":{"product_retailer_id":"SKU-{{i}}","catalog_id":"{{catalog}}"} }""";

    private const string Media = "carousel/media";
    private const string Products = "carousel/product";

    public static TheoryData<string, string, string, string, string> Broken => new()
    {
        { Media, "action.cards", Many(1, i => MediaCard(i)), "action.cards", "minItems" },
        { Media, "action.cards", Many(CarouselRules.MaxCards + 1, i => MediaCard(i % 10)), "action.cards", "maxItems" },
        { Media, "action.cards", Remove, "action.cards", "required" },
        { Media, "action.cards[1].card_index", "0", "action.cards[1].card_index", "unique" },
        { Media, "action.cards[1].card_index", "10", "action.cards[1].card_index", "range" },
        { Media, "action.cards[1].card_index", "-1", "action.cards[1].card_index", "range" },
        { Media, "action.cards[1].card_index", "1.5", "action.cards[1].card_index", "type" },
        { Media, "action.cards[1].card_index", Remove, "action.cards[1].card_index", "required" },
        { Media, "action.cards[1].type", Str("image"), "action.cards[1].type", "enum" },
        { Media, "action.cards[1]", ProductCard(1), "action.cards[1].type", "consistent" },
        { Media, "header", """{"type":"text","text":"New"}""", "header", "notAllowed" },
        { Media, "footer", """{"text":"Example Ltd"}""", "footer", "notAllowed" },
        { Media, "body", Remove, "body", "required" },
        { Media, "action.cards[0].header", Remove, "action.cards[0].header", "required" },
        { Media, "action.cards[0].header", """{"type":"text","text":"Mug"}""", "action.cards[0].header.type", "enum" },
        { Media, "action.cards[0].header", """{"type":"document","document":{"id":"1"}}""", "action.cards[0].header.type", "enum" },
        { Media, "action.cards[1]", MediaCard(1, "video"), "action.cards[1].header.type", "consistent" },
        { Media, "action.cards[0].header.image", """{"link":"http://cdn.example.com/mug.jpg"}""", "action.cards[0].header.image.link", "httpsUrl" },
        { Media, "action.cards[0].body.text", Text(MediaCardRules.MaxBodyLength + 1), "action.cards[0].body.text", "maxLength" },
        { Media, "action.cards[0].body.text", Str("a\nb\nc\nd"), "action.cards[0].body.text", "maxLineBreaks" },
        { Media, "action.cards[0].footer", """{"text":"x"}""", "action.cards[0].footer", "unknownMember" },
        { Media, "action.cards[0].action", Remove, "action.cards[0].action", "required" },
        { Media, "action.cards[0].action.name", Str("url"), "action.cards[0].action.name", "enum" },
        { Media, "action.cards[0].action.parameters.display_text", Text(CtaUrlRules.MaxDisplayTextLength + 1), "action.cards[0].action.parameters.display_text", "maxLength" },
        { Media, "action.cards[0].action.parameters.url", Str("shop.example.com/mug"), "action.cards[0].action.parameters.url", "url" },
        { Media, "action.cards[1]", QuickReplyCard(1, 2), "action.cards[1].action", "consistent" },
        { Media, "action.cards", "[" + QuickReplyCard(0, 2) + "," + QuickReplyCard(1, 1) + "]", "action.cards[1].action", "consistent" },
        { Media, "action.cards", "[" + QuickReplyCard(0, 0) + "," + QuickReplyCard(1, 0) + "]", "action.cards[0].action.buttons", "minItems" },
        { Media, "action.cards[0]", QuickReplyCard(0, 2).Replace("c0-b1", "c0-b0"), "action.cards[0].action.buttons[1].quick_reply.id", "unique" },
        { Media, "action.cards[0]", QuickReplyCard(0, 2).Replace("c0-b1", new string('i', MediaCardRules.MaxQuickReplyIdLength + 1)), "action.cards[0].action.buttons[1].quick_reply.id", "maxLength" },
        { Media, "action.cards[0]", QuickReplyCard(0, 2).Replace("Pick 1", new string('t', MediaCardRules.MaxQuickReplyTitleLength + 1)), "action.cards[0].action.buttons[1].quick_reply.title", "maxLength" },
        { Media, "action.cards[0]", QuickReplyCard(0, 2).Replace("\"quick_reply\",", "\"reply\","), "action.cards[0].action.buttons[0].type", "enum" },

        { Products, "action.cards[1].action.catalog_id", Str("112233"), "action.cards[1].action.catalog_id", "consistent" },
        { Products, "action.cards[1].action.product_retailer_id", Remove, "action.cards[1].action.product_retailer_id", "required" },
        { Products, "action.cards[0].action.catalog_id", Remove, "action.cards[0].action.catalog_id", "required" },
        { Products, "action.cards[0].header", """{"type":"image","image":{"id":"1"}}""", "action.cards[0].header", "unknownMember" },
        { Products, "action.cards[1]", MediaCard(1), "action.cards[1].type", "consistent" },
        { Products, "action.cards[1].card_index", "0", "action.cards[1].card_index", "unique" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string example, string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit(example, path, value), errorPath, rule);

    public static TheoryData<string, string, string> Accepted => new()
    {
        { Media, "action.cards", Many(CarouselRules.MaxCards, i => MediaCard(i)) },
        { Media, "action.cards", Many(2, i => MediaCard(i, "video")) },
        { Media, "action.cards", Many(3, i => QuickReplyCard(i, 2)) },
        { Media, "action.cards[0].body.text", Text(MediaCardRules.MaxBodyLength) },
        { Media, "action.cards[0].body.text", Str("one\ntwo\nthree") },
        { Media, "action.cards[0].body", Remove },
        { Products, "action.cards", Many(CarouselRules.MaxCards, i => ProductCard(9 - i)) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Values_at_the_limits_and_both_button_kinds_are_accepted(string example, string path, string value) =>
        AssertAccepted(Edit(example, path, value));
}
