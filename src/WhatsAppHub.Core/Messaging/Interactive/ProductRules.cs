using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Single product (§1.7.4): <c>action = { catalog_id, product_retailer_id }</c>; optional body and footer, no header.</summary>
public sealed class ProductRules : IInteractiveTypeRules
{
    private static readonly HashSet<string> ActionMembers = ["catalog_id", "product_retailer_id"];

    public string Type => "product";

    public InteractiveParts Parts { get; } = new(Presence.Forbidden, HeaderKinds.None, Presence.Optional, Presence.Optional);

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.CatalogId(action, path, errors);
        ActionRules.RetailerId(action, "product_retailer_id", path, errors);
    }
}
