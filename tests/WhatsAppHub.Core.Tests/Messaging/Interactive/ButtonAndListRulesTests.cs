using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>Reply buttons (§1.7.1) and lists (§1.7.2).</summary>
public class ButtonAndListRulesTests
{
    private static string Button(int i) => $$"""{"type":"reply","reply":{"id":"b{{i}}","title":"Button {{i}}"} }""";
    private static string Row(int i) => $$"""{"id":"r{{i}}","title":"Row {{i}}"}""";
    private static string Section(int i, int rows) => $$"""{"title":"Section {{i}}","rows":""" + Many(rows, r => Row(i * 100 + r)) + "}";

    public static TheoryData<string, string, string, string, string> Broken => new()
    {
        { "button", "action.buttons", "[]", "action.buttons", "minItems" },
        { "button", "action.buttons", Many(ReplyButtonRules.MaxButtons + 1, Button), "action.buttons", "maxItems" },
        { "button", "action.buttons", Remove, "action.buttons", "required" },
        { "button", "action.buttons[0]", Str("Yes"), "action.buttons[0]", "type" },
        { "button", "action.buttons[0].type", Str("url"), "action.buttons[0].type", "enum" },
        { "button", "action.buttons[0].reply", Remove, "action.buttons[0].reply", "required" },
        { "button", "action.buttons[0].reply.id", Remove, "action.buttons[0].reply.id", "required" },
        { "button", "action.buttons[0].reply.id", Text(ReplyButtonRules.MaxIdLength + 1), "action.buttons[0].reply.id", "maxLength" },
        { "button", "action.buttons[0].reply.id", Str(" slot-keep"), "action.buttons[0].reply.id", "pattern" },
        { "button", "action.buttons[0].reply.id", Str("slot-keep "), "action.buttons[0].reply.id", "pattern" },
        { "button", "action.buttons[1].reply.id", Str("slot-keep"), "action.buttons[1].reply.id", "unique" },
        { "button", "action.buttons[0].reply.title", Remove, "action.buttons[0].reply.title", "required" },
        { "button", "action.buttons[0].reply.title", Str("   "), "action.buttons[0].reply.title", "required" },
        { "button", "action.buttons[0].reply.title", Text(ReplyButtonRules.MaxTitleLength + 1), "action.buttons[0].reply.title", "maxLength" },
        { "button", "action.buttons[1].reply.title", Str("Keep slot"), "action.buttons[1].reply.title", "unique" },
        { "button", "action.buttons[0].reply.payload", Str("x"), "action.buttons[0].reply.payload", "unknownMember" },
        { "button", "action.name", Str("buttons"), "action.name", "unknownMember" },

        { "list", "action.button", Remove, "action.button", "required" },
        { "list", "action.button", Text(ListRules.MaxButtonLength + 1), "action.button", "maxLength" },
        { "list", "action.sections", "[]", "action.sections", "minItems" },
        { "list", "action.sections", Many(ListRules.MaxSections + 1, i => Section(i, 1)), "action.sections", "maxItems" },
        { "list", "action.sections", Many(2, i => Section(i, i == 0 ? ListRules.MaxRowsTotal : 1)), "action.sections", "maxTotalItems" },
        { "list", "action.sections[0].title", Remove, "action.sections[0].title", "required" },
        { "list", "action.sections[0].title", Text(ListRules.MaxSectionTitleLength + 1), "action.sections[0].title", "maxLength" },
        { "list", "action.sections[0].rows", "[]", "action.sections[0].rows", "minItems" },
        { "list", "action.sections[1].rows[0].id", Remove, "action.sections[1].rows[0].id", "required" },
        { "list", "action.sections[1].rows[0].id", Text(ListRules.MaxRowIdLength + 1), "action.sections[1].rows[0].id", "maxLength" },
        { "list", "action.sections[1].rows[1].id", Str("ship-std"), "action.sections[1].rows[1].id", "unique" },
        { "list", "action.sections[1].rows[0].title", Remove, "action.sections[1].rows[0].title", "required" },
        { "list", "action.sections[1].rows[0].title", Text(ListRules.MaxRowTitleLength + 1), "action.sections[1].rows[0].title", "maxLength" },
        { "list", "action.sections[1].rows[0].description", Text(ListRules.MaxRowDescriptionLength + 1), "action.sections[1].rows[0].description", "maxLength" },
        { "list", "action.sections[1].rows[0].image", Str("x"), "action.sections[1].rows[0].image", "unknownMember" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string example, string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit(example, path, value), errorPath, rule);

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "button", "action.buttons", Many(1, Button) },
        { "button", "action.buttons", Many(ReplyButtonRules.MaxButtons, Button) },
        { "button", "action.buttons[0].reply.id", Text(ReplyButtonRules.MaxIdLength) },
        { "button", "action.buttons[0].reply.title", Text(ReplyButtonRules.MaxTitleLength, "👍") },
        { "list", "action.button", Text(ListRules.MaxButtonLength) },
        { "list", "action.sections", Many(ListRules.MaxSections, i => Section(i, 1)) },
        { "list", "action.sections", Many(1, i => Section(i, ListRules.MaxRowsTotal)) },
        { "list", "action.sections", """[{"rows":[{"id":"only","title":"Only row"}]}]""" },
        { "list", "action.sections[0].title", Text(ListRules.MaxSectionTitleLength) },
        { "list", "action.sections[1].rows[0].id", Text(ListRules.MaxRowIdLength) },
        { "list", "action.sections[1].rows[0].title", Text(ListRules.MaxRowTitleLength) },
        { "list", "action.sections[1].rows[0].description", Text(ListRules.MaxRowDescriptionLength) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Values_at_the_limits_are_accepted(string example, string path, string value) =>
        AssertAccepted(Edit(example, path, value));
}
