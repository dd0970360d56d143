using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// The product sections of a multi-product message (§1.7.5) and of a template's multi-product button (§1.8), which
/// Meta limits alike: 1–10 sections, each titled (≤ 24) with at least one <c>product_items[] { product_retailer_id }</c>,
/// at most 30 products in all.
/// </summary>
public static class ProductSections
{
    public const int MaxSections = 10;
    public const int MaxProducts = 30;
    public const int MaxTitleLength = 24;

    /// <summary>Hub limit: Meta states none for retailer ids; catalogs keep them short.</summary>
    public const int MaxRetailerIdLength = 256;

    private static readonly HashSet<string> SectionMembers = ["title", "product_items"];
    private static readonly HashSet<string> ItemMembers = ["product_retailer_id"];

    /// <summary>Checks <c>sections</c> of <paramref name="action"/> (at <paramref name="path"/>).</summary>
    public static void Validate(JsonObject action, string path, ValidationErrors errors)
    {
        var sections = JsonRules.Array(action, "sections", path, errors, required: true, minCount: 1, maxCount: MaxSections);
        if (sections is null) return;
        var sectionsPath = JsonPath.Member(path, "sections");
        var total = 0;
        foreach (var (section, sectionPath) in JsonRules.Objects(sections, sectionsPath, errors))
        {
            JsonRules.OnlyKnownMembers(section, sectionPath, errors, SectionMembers);
            JsonRules.String(section, "title", sectionPath, errors, required: true, minLength: 1, maxLength: MaxTitleLength);
            var items = JsonRules.Array(section, "product_items", sectionPath, errors, required: true, minCount: 1);
            if (items is null) continue;
            total += items.Count;
            foreach (var (item, itemPath) in JsonRules.Objects(items, JsonPath.Member(sectionPath, "product_items"), errors))
            {
                JsonRules.OnlyKnownMembers(item, itemPath, errors, ItemMembers);
                TokenRules.Read(item, "product_retailer_id", itemPath, errors, MaxRetailerIdLength);
            }
        }
        if (total > MaxProducts)
            errors.Add(sectionsPath, "maxTotalItems", $"The sections may hold at most {MaxProducts} products in all (have {total}).");
    }
}
