using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Members that recur in interactive actions: the fixed <c>name</c>, URLs, catalog and product ids.</summary>
public static class ActionRules
{
    /// <summary>Hub limit: Meta states none for catalog ids (numeric Graph ids in practice).</summary>
    public const int MaxCatalogIdLength = 64;

    /// <summary>Checks that <c>name</c> is given and equals <paramref name="expected"/>, as Meta requires for most action kinds.</summary>
    public static void Name(JsonObject action, string path, ValidationErrors errors, string expected)
    {
        var name = JsonRules.String(action, "name", path, errors, required: true, minLength: 1);
        if (name is { Length: > 0 } && name != expected)
            errors.Add(JsonPath.Member(path, "name"), "enum", $"'name' must be \"{expected}\" here.");
    }

    /// <summary>Reads a required http(s) URL member (≤ <see cref="InteractiveText.MaxUrlLength"/>).</summary>
    public static string? Url(JsonObject obj, string name, string path, ValidationErrors errors)
    {
        var url = JsonRules.String(obj, name, path, errors, required: true, minLength: 1, maxLength: InteractiveText.MaxUrlLength);
        if (url is { Length: > 0 } && !InteractiveText.IsWebUrl(url))
            errors.Add(JsonPath.Member(path, name), "url", $"'{name}' must be an absolute http or https URL.");
        return url;
    }

    public static string? CatalogId(JsonObject obj, string path, ValidationErrors errors) =>
        JsonRules.String(obj, "catalog_id", path, errors, required: true, minLength: 1, maxLength: MaxCatalogIdLength);

    public static string? RetailerId(JsonObject obj, string name, string path, ValidationErrors errors) =>
        TokenRules.Read(obj, name, path, errors, ProductSections.MaxRetailerIdLength);
}
