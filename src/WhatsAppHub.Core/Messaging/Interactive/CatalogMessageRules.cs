using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Catalog message (§1.7.6): body required, optional footer, no header;
/// <c>action = { name: "catalog_message", parameters?: { thumbnail_product_retailer_id } }</c>.
/// </summary>
public sealed class CatalogMessageRules : IInteractiveTypeRules
{
    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers = ["thumbnail_product_retailer_id"];

    public string Type => "catalog_message";

    public InteractiveParts Parts { get; } = new(Presence.Forbidden, HeaderKinds.None, Presence.Required, Presence.Optional);

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "catalog_message");
        if (JsonRules.Object(action, "parameters", path, errors, required: false) is not { } parameters) return;
        var parametersPath = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, parametersPath, errors, ParameterMembers);
        ActionRules.RetailerId(parameters, "thumbnail_product_retailer_id", parametersPath, errors);
    }
}
