using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Validation;

/// <summary>
/// Small typed readers over a parsed JSON object that record a <see cref="ValidationError"/>
/// instead of throwing, so every message-type rule reads its fields the same way.
/// </summary>
public static class JsonRules
{
    /// <summary>Reads a string member; records an error when it is missing (if required), not a string, or outside the length range.</summary>
    public static string? String(JsonObject obj, string name, string parentPath, ValidationErrors errors,
        bool required, int minLength = 0, int maxLength = int.MaxValue)
    {
        var path = JsonPath.Member(parentPath, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required) errors.Add(path, "required", $"'{name}' is required.");
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(path, "type", $"'{name}' must be a string.");
            return null;
        }
        var value = node.GetValue<string>();
        // Meta counts characters as people see them; UTF-16 code units over-count emoji, so count text elements' code points.
        var length = CodePointLength(value);
        if (length < minLength)
            errors.Add(path, minLength <= 1 ? "required" : "minLength",
                minLength <= 1 ? $"'{name}' must not be empty." : $"'{name}' must have at least {minLength} characters.");
        else if (length > maxLength)
            errors.Add(path, "maxLength", $"'{name}' must have at most {maxLength} characters (has {length}).");
        return value;
    }

    /// <summary>Reads an optional boolean member.</summary>
    public static bool? Boolean(JsonObject obj, string name, string parentPath, ValidationErrors errors)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null) return null;
        var kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False) return kind == JsonValueKind.True;
        errors.Add(JsonPath.Member(parentPath, name), "type", $"'{name}' must be true or false.");
        return null;
    }

    /// <summary>Reads an object member; records an error when it is missing (if required) or not an object.</summary>
    public static JsonObject? Object(JsonObject obj, string name, string parentPath, ValidationErrors errors, bool required)
    {
        var path = JsonPath.Member(parentPath, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required) errors.Add(path, "required", $"'{name}' is required.");
            return null;
        }
        if (node is JsonObject child) return child;
        errors.Add(path, "type", $"'{name}' must be an object.");
        return null;
    }

    /// <summary>Records an error for every member that is not in <paramref name="allowed"/>, so typos are not silently ignored.</summary>
    public static void OnlyKnownMembers(JsonObject obj, string parentPath, ValidationErrors errors, IReadOnlySet<string> allowed)
    {
        foreach (var (name, _) in obj)
        {
            if (!allowed.Contains(name))
                errors.Add(JsonPath.Member(parentPath, name), "unknownMember", $"'{name}' is not a member the hub accepts here.");
        }
    }

    public static int CodePointLength(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes()) count++;
        return count;
    }
}
