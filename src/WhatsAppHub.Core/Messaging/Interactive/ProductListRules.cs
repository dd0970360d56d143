using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Multi-product (§1.7.5): required text header and body; <c>action.catalog_id</c> and 1–10 sections, each with a
/// title (≤ 24) and at least one <c>product_items[] { product_retailer_id }</c>, at most 30 products in total.
/// </summary>
public sealed class ProductListRules : IInteractiveTypeRules
{
    private static readonly HashSet<string> ActionMembers = ["catalog_id", "sections"];

    public string Type => "product_list";

    public InteractiveParts Parts { get; } = new(Presence.Required, HeaderKinds.Text, Presence.Required, Presence.Optional);

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.CatalogId(action, path, errors);
        ProductSections.Validate(action, path, errors);
    }
}
