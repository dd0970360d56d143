using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Multi-product (§1.7.5): required text header and body; <c>action.catalog_id</c> and 1–10 sections, each with a
/// title (≤ 24) and at least one <c>product_items[] { product_retailer_id }</c>, at most 30 products in total.
/// </summary>
public sealed class ProductListRules : IInteractiveTypeRules
{
    public const int MaxSections = 10;
    public const int MaxProductsTotal = 30;
    public const int MaxSectionTitleLength = 24;

    private static readonly HashSet<string> ActionMembers = ["catalog_id", "sections"];
    private static readonly HashSet<string> SectionMembers = ["title", "product_items"];
    private static readonly HashSet<string> ItemMembers = ["product_retailer_id"];

    public string Type => "product_list";

    public InteractiveParts Parts { get; } = new(Presence.Required, HeaderKinds.Text, Presence.Required, Presence.Optional);

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.CatalogId(action, path, errors);
        var sections = JsonRules.Array(action, "sections", path, errors, required: true, minCount: 1, maxCount: MaxSections);
        if (sections is null) return;
        var sectionsPath = JsonPath.Member(path, "sections");
        var total = 0;
        foreach (var (section, sectionPath) in JsonRules.Objects(sections, sectionsPath, errors))
        {
            JsonRules.OnlyKnownMembers(section, sectionPath, errors, SectionMembers);
            JsonRules.String(section, "title", sectionPath, errors, required: true, minLength: 1, maxLength: MaxSectionTitleLength);
            var items = JsonRules.Array(section, "product_items", sectionPath, errors, required: true, minCount: 1);
            if (items is null) continue;
            total += items.Count;
            foreach (var (item, itemPath) in JsonRules.Objects(items, JsonPath.Member(sectionPath, "product_items"), errors))
            {
                JsonRules.OnlyKnownMembers(item, itemPath, errors, ItemMembers);
                ActionRules.RetailerId(item, "product_retailer_id", itemPath, errors);
            }
        }
        if (total > MaxProductsTotal)
            errors.Add(sectionsPath, "maxTotalItems", $"A product list may hold at most {MaxProductsTotal} products across all sections (has {total}).");
    }
}
