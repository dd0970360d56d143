using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>URLs that WhatsApp itself opens or fetches: absolute, https, no spaces.</summary>
public static class UrlRules
{
    public static string? Https(JsonObject obj, string name, string path, ValidationErrors errors, int maxLength, bool required = true)
    {
        var url = JsonRules.String(obj, name, path, errors, required, minLength: 1, maxLength: maxLength);
        if (url is not { Length: > 0 } || url.Length > maxLength) return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(uri.Host)
            || url.Any(char.IsWhiteSpace))
            errors.Add(JsonPath.Member(path, name), "httpsUrl", $"'{name}' must be an absolute https URL.");
        return url;
    }
}
