using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>The parts every interactive type shares (§1.7): type, header, body, footer, action.</summary>
public class InteractivePartsTests
{
    public static TheoryData<string, string, string, string, string> Broken => new()
    {
        // example, edited path, new value (JSON), error path (under $.interactive), rule
        { "button", "type", Str("poll"), "type", "enum" },
        { "button", "type", Remove, "type", "required" },
        { "button", "type", "7", "type", "type" },
        { "button", "colour", Str("red"), "colour", "unknownMember" },
        { "button", "action", Remove, "action", "required" },
        { "button", "action", "[]", "action", "type" },
        { "button", "body", Remove, "body", "required" },
        { "button", "body", Str("hi"), "body", "type" },
        { "button", "body.text", Text(TextPartRules.MaxBodyLength + 1), "body.text", "maxLength" },
        { "button", "body.text", Str(""), "body.text", "required" },
        { "button", "body.bold", "true", "body.bold", "unknownMember" },
        { "button", "footer.text", Text(TextPartRules.MaxFooterLength + 1), "footer.text", "maxLength" },
        { "button", "footer.text", Remove, "footer.text", "required" },
        { "list", "header.text", Text(HeaderRules.MaxTextLength + 1), "header.text", "maxLength" },
        { "list", "header.text", Remove, "header.text", "required" },
        { "list", "header", """{"type":"image","image":{"id":"1"}}""", "header.type", "enum" },
        { "button", "header.type", Str("audio"), "header.type", "enum" },
        { "button", "header.type", Remove, "header.type", "required" },
        { "button", "header.image", Remove, "header.image", "required" },
        { "button", "header.text", Str("also"), "header.text", "unknownMember" },
        { "button", "header.image", """{"id":"1","link":"https://cdn.example.com/a.jpg"}""", "header.image", "oneOf" },
        { "button", "header.image", "{}", "header.image", "oneOf" },
        { "button", "header.image", """{"link":"http://cdn.example.com/a.jpg"}""", "header.image.link", "httpsUrl" },
        { "button", "header.image", """{"link":"cdn.example.com/a.jpg"}""", "header.image.link", "httpsUrl" },
        { "button", "header.image.id", Str("12 34"), "header.image.id", "pattern" },
        { "button", "header.image.id", Text(WhatsAppHub.Core.Messaging.Content.MediaObjectRules.MaxIdLength + 1), "header.image.id", "maxLength" },
        { "button", "header.image.caption", Str("no captions in headers"), "header.image.caption", "unknownMember" },
        { "button", "header.image.filename", Str("a.jpg"), "header.image.filename", "unknownMember" },
        { "button", "header", """{"type":"document","document":{"id":"1","filename":"../a.pdf"}}""", "header.document.filename", "pattern" },
        { "product", "header", """{"type":"text","text":"Hi"}""", "header", "notAllowed" },
        { "product_list", "header", Remove, "header", "required" },
        { "location_request_message", "footer", """{"text":"Thanks"}""", "footer", "notAllowed" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string example, string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit(example, path, value), errorPath, rule);

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "button", "body.text", Text(TextPartRules.MaxBodyLength, "😀") },
        { "button", "footer.text", Text(TextPartRules.MaxFooterLength) },
        { "button", "footer", Remove },
        { "button", "header", Remove },
        { "button", "header", """{"type":"text","text":"Your slot"}""" },
        { "button", "header", """{"type":"video","video":{"link":"https://cdn.example.com/v.mp4"}}""" },
        { "button", "header", """{"type":"document","document":{"id":"hub-media-0f3a9c","filename":"slots.pdf"}}""" },
        { "list", "header.text", Text(HeaderRules.MaxTextLength) },
        { "cta_url", "header", """{"type":"image","image":{"link":"https://cdn.example.com/a.jpg?v=2"}}""" },
        { "product", "body", Remove },
        { "product", "footer", """{"text":"Example Ltd"}""" },
        { "flow", "header", Remove },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Values_at_the_limits_and_optional_parts_are_accepted(string example, string path, string value) =>
        AssertAccepted(Edit(example, path, value));

    [Fact]
    public void Every_broken_rule_of_one_message_is_reported_at_once()
    {
        var message = Edit("button", "header.type", Str("audio"));
        Edit(message, "body.text", Text(TextPartRules.MaxBodyLength + 1));
        Edit(message, "footer.text", Text(TextPartRules.MaxFooterLength + 1));
        Edit(message, "action.buttons[0].reply.title", Text(ReplyButtonRules.MaxTitleLength + 1));
        Edit(message, "action.buttons[1].reply.id", Str("slot-keep"));
        Edit(message, "extra", "1");

        var errors = Errors(message);

        Assert.Equal(
            [("$.interactive.action.buttons[0].reply.title", "maxLength"), ("$.interactive.action.buttons[1].reply.id", "unique"),
             ("$.interactive.body.text", "maxLength"), ("$.interactive.extra", "unknownMember"),
             ("$.interactive.footer.text", "maxLength"), ("$.interactive.header.type", "enum")],
            errors.Select(e => (e.Path, e.Rule)).Order().ToArray());
    }
}
