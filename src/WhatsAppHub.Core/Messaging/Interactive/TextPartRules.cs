using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>The <c>{ "text": … }</c> objects of interactive messages: <c>body</c> (≤ 1024) and <c>footer</c> (≤ 60).</summary>
public static class TextPartRules
{
    public const int MaxBodyLength = 1024;
    public const int MaxFooterLength = 60;

    private static readonly HashSet<string> Members = ["text"];

    /// <summary>Reads <c>{name}.text</c> of <paramref name="parent"/>; returns the text when it is a string.</summary>
    public static string? Validate(JsonObject parent, string name, string parentPath, ValidationErrors errors, bool required, int maxLength)
    {
        var part = JsonRules.Object(parent, name, parentPath, errors, required);
        if (part is null) return null;
        var path = JsonPath.Member(parentPath, name);
        JsonRules.OnlyKnownMembers(part, path, errors, Members);
        return JsonRules.String(part, "text", path, errors, required: true, minLength: 1, maxLength: maxLength);
    }
}
