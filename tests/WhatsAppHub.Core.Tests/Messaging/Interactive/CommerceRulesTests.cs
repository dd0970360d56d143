using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>Single product (§1.7.4), multi-product (§1.7.5) and catalog messages (§1.7.6).</summary>
public class CommerceRulesTests
{
    private static string Items(int count) => Many(count, i => $$"""{"product_retailer_id":"SKU-{{i}}"}""");
    private static string Section(int i, int items) => $$"""{"title":"Section {{i}}","product_items":{{Items(items)}}}""";

    public static TheoryData<string, string, string, string, string> Broken => new()
    {
        { "product", "action.catalog_id", Remove, "action.catalog_id", "required" },
        { "product", "action.catalog_id", "556677889900", "action.catalog_id", "type" },
        { "product", "action.product_retailer_id", Remove, "action.product_retailer_id", "required" },
        { "product", "action.product_retailer_id", Str(""), "action.product_retailer_id", "required" },
        { "product", "action.name", Str("product"), "action.name", "unknownMember" },

        { "product_list", "header", """{"type":"image","image":{"id":"1"}}""", "header.type", "enum" },
        { "product_list", "body", Remove, "body", "required" },
        { "product_list", "action.catalog_id", Remove, "action.catalog_id", "required" },
        { "product_list", "action.sections", "[]", "action.sections", "minItems" },
        { "product_list", "action.sections", Many(ProductSections.MaxSections + 1, i => Section(i, 1)), "action.sections", "maxItems" },
        { "product_list", "action.sections", Many(2, i => Section(i, i == 0 ? ProductSections.MaxProducts : 1)), "action.sections", "maxTotalItems" },
        { "product_list", "action.sections[0].title", Remove, "action.sections[0].title", "required" },
        { "product_list", "action.sections[0].title", Text(ProductSections.MaxTitleLength + 1), "action.sections[0].title", "maxLength" },
        { "product_list", "action.sections[0].product_items", "[]", "action.sections[0].product_items", "minItems" },
        { "product_list", "action.sections[0].product_items[1].product_retailer_id", Remove, "action.sections[0].product_items[1].product_retailer_id", "required" },
        { "product_list", "action.sections[0].product_items[1]", Str("SKU-89"), "action.sections[0].product_items[1]", "type" },

        { "catalog_message", "action.name", Str("catalog"), "action.name", "enum" },
        { "catalog_message", "action.name", Remove, "action.name", "required" },
        { "catalog_message", "action.parameters.thumbnail_product_retailer_id", Remove, "action.parameters.thumbnail_product_retailer_id", "required" },
        { "catalog_message", "header", """{"type":"text","text":"Spring"}""", "header", "notAllowed" },
        { "catalog_message", "body", Remove, "body", "required" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string example, string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit(example, path, value), errorPath, rule);

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "product_list", "action.sections", Many(ProductSections.MaxSections, i => Section(i, 3)) },
        { "product_list", "action.sections", Many(1, i => Section(i, ProductSections.MaxProducts)) },
        { "product_list", "footer", """{"text":"Spring range"}""" },
        { "catalog_message", "action.parameters", Remove },
        { "catalog_message", "footer", """{"text":"Example Ltd"}""" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Values_at_the_limits_and_optional_parts_are_accepted(string example, string path, string value) =>
        AssertAccepted(Edit(example, path, value));
}
