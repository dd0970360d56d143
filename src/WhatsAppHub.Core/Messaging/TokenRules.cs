using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// Ids that travel inside messages (wamids, media ids, product retailer ids): printable, without spaces, of a sane
/// length. Meta does not publish their formats, so the hub only refuses what cannot be an id.
/// </summary>
public static class TokenRules
{
    /// <summary>Longest wamid the hub accepts; real ones are about 60-100 characters.</summary>
    public const int MaxWamidLength = 512;

    /// <summary>Reads a required id member and checks it is printable ASCII without spaces, 1 to <paramref name="maxLength"/> characters.</summary>
    public static string? Read(JsonObject obj, string name, string parentPath, ValidationErrors errors, int maxLength, bool required = true)
    {
        var value = JsonRules.String(obj, name, parentPath, errors, required, minLength: 1, maxLength: maxLength);
        if (value is null || value.Length == 0 || value.Length > maxLength) return value;
        if (!IsToken(value))
            errors.Add(JsonPath.Member(parentPath, name), "pattern", $"'{name}' must be printable ASCII without spaces.");
        return value;
    }

    public static bool IsToken(string value) => value.Length > 0 && value.All(c => c is > ' ' and < '\u007f');
}
