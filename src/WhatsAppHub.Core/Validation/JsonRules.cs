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

    /// <summary>Reads an array member; records an error when it is missing (if required), not an array, or outside the count range.</summary>
    public static JsonArray? Array(JsonObject obj, string name, string parentPath, ValidationErrors errors,
        bool required, int minCount = 0, int maxCount = int.MaxValue)
    {
        var path = JsonPath.Member(parentPath, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required) errors.Add(path, "required", $"'{name}' is required.");
            return null;
        }
        if (node is not JsonArray array)
        {
            errors.Add(path, "type", $"'{name}' must be an array.");
            return null;
        }
        if (array.Count < minCount)
            errors.Add(path, "minItems", $"'{name}' must hold at least {minCount} item{(minCount == 1 ? "" : "s")}.");
        else if (array.Count > maxCount)
            errors.Add(path, "maxItems", $"'{name}' may hold at most {maxCount} item{(maxCount == 1 ? "" : "s")} (has {array.Count}).");
        return array;
    }

    /// <summary>The objects of an array, each with its path; records an error for every item that is not an object.</summary>
    public static IEnumerable<(JsonObject Item, string Path)> Objects(JsonArray array, string arrayPath, ValidationErrors errors)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var path = JsonPath.Index(arrayPath, i);
            if (array[i] is JsonObject item) yield return (item, path);
            else errors.Add(path, "type", "Each item must be an object.");
        }
    }

    /// <summary>Reads a number member; records an error when it is missing (if required), not a number, or outside the range.</summary>
    public static double? Number(JsonObject obj, string name, string parentPath, ValidationErrors errors,
        bool required, double min = double.MinValue, double max = double.MaxValue)
    {
        var path = JsonPath.Member(parentPath, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required) errors.Add(path, "required", $"'{name}' is required.");
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<double>(out var value) || !double.IsFinite(value))
        {
            errors.Add(path, "type", $"'{name}' must be a number.");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(path, "range", $"'{name}' must be from {min} to {max}.");
            return null;
        }
        return value;
    }

    /// <summary>Reads a whole-number member; records an error when it is missing (if required), not an integer, or outside the range.</summary>
    public static long? Integer(JsonObject obj, string name, string parentPath, ValidationErrors errors,
        bool required, long min = long.MinValue, long max = long.MaxValue)
    {
        var path = JsonPath.Member(parentPath, name);
        if (!obj.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (required) errors.Add(path, "required", $"'{name}' is required.");
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.Number || WholeNumber(node.AsValue()) is not { } value)
        {
            errors.Add(path, "type", $"'{name}' must be a whole number.");
            return null;
        }
        if (value < min || value > max)
        {
            errors.Add(path, "range", $"'{name}' must be from {min} to {max}.");
            return null;
        }
        return value;
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

    /// <summary>A parsed number reads as a long; one built in memory (<c>new JsonObject { ["n"] = 5 }</c>) only as the type it was made from.</summary>
    private static long? WholeNumber(JsonValue number) =>
        number.TryGetValue<long>(out var whole) ? whole : number.TryGetValue<int>(out var small) ? small : null;
}
