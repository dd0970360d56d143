using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Eum.Validation;

/// <summary>
/// Reads one operation's input from the query string and JSON body, checking each member against
/// the model as it goes. Constraint failures are collected and thrown together as AWS does
/// ("2 validation errors detected: Value ... at 'member' failed to satisfy constraint: ...");
/// a member of the wrong JSON type fails at once with SerializationException, as restJson1 does.
/// Paths name model members (not wire names) and use AWS's "list.1.member.field" form.
/// </summary>
public sealed class InputReader
{
    private readonly IReadOnlyDictionary<string, string> _query;
    private readonly List<string> _errors = [];

    public InputReader(IReadOnlyDictionary<string, string> query, JsonObject body)
    {
        _query = query;
        Body = body;
    }

    public JsonObject Body { get; }

    /// <summary>The x-amzn-RequestId of the call, for operations that record what they did.</summary>
    public string RequestId { get; init; } = "";

    // ---- query members ----

    public string? QueryString(string wireName, string member, StringShape shape, bool required = false)
    {
        _query.TryGetValue(wireName, out var value);
        return Check(member, value, shape, required);
    }

    public int? QueryInt(string wireName, string member, int? min = null, int? max = null)
    {
        if (!_query.TryGetValue(wireName, out var text))
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw EumException.Serialization($"Value '{text}' at '{member}' is not a valid integer.");
        }
        CheckRange(member, value, min, max);
        return value;
    }

    public bool? QueryBool(string wireName, string member)
    {
        if (!_query.TryGetValue(wireName, out var text))
        {
            return null;
        }
        return text switch
        {
            "true" => true,
            "false" => false,
            _ => throw EumException.Serialization($"Value '{text}' at '{member}' is not a valid boolean (true or false)."),
        };
    }

    // ---- body members ----

    public string? String(JsonObject obj, string name, string path, StringShape shape, bool required = false)
    {
        var node = Member(obj, name);
        string? value = null;
        if (node is not null)
        {
            value = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw TypeError(path, "a string");
        }
        return Check(path, value, shape, required);
    }

    public int? Int(JsonObject obj, string name, string path, int? min = null, int? max = null, bool required = false)
    {
        var node = Member(obj, name);
        if (node is null)
        {
            Require(path, required);
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
        {
            throw TypeError(path, "an integer");
        }
        CheckRange(path, value, min, max);
        return value;
    }

    public bool? Bool(JsonObject obj, string name, string path)
    {
        var node = Member(obj, name);
        return node?.GetValueKind() switch
        {
            null => null,
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw TypeError(path, "a boolean"),
        };
    }

    /// <summary>Blobs travel as Base64 strings; the model's length limits apply to the decoded bytes.</summary>
    public byte[]? Blob(JsonObject obj, string name, string path, int min, int max, bool required = false)
    {
        var node = Member(obj, name);
        if (node is null)
        {
            Require(path, required);
            return null;
        }
        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw TypeError(path, "a Base64 string");
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(node.GetValue<string>());
        }
        catch (FormatException)
        {
            throw EumException.Serialization($"Value at '{path}' is not valid Base64.");
        }
        if (bytes.Length < min)
        {
            _errors.Add($"Value at '{path}' failed to satisfy constraint: Member must have length greater than or equal to {min}");
        }
        if (bytes.Length > max)
        {
            _errors.Add($"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
        return bytes;
    }

    public JsonObject? Object(JsonObject obj, string name, string path, bool required = false)
    {
        var node = Member(obj, name);
        if (node is null)
        {
            Require(path, required);
            return null;
        }
        return node as JsonObject ?? throw TypeError(path, "a structure");
    }

    /// <summary>A list whose items are structures; returns (item, "path.N.member") pairs.</summary>
    public IReadOnlyList<(JsonObject Item, string Path)>? ObjectList(JsonObject obj, string name, string path, bool required = false, int? maxCount = null)
    {
        var list = List(obj, name, path, required, maxCount);
        return list?.Select((item, i) => (item as JsonObject ?? throw TypeError($"{path}.{i + 1}.member", "a structure"), $"{path}.{i + 1}.member")).ToList();
    }

    public IReadOnlyList<string>? StringList(JsonObject obj, string name, string path, bool required = false)
    {
        var list = List(obj, name, path, required, null);
        return list?.Select((item, i) => item?.GetValueKind() == JsonValueKind.String ? item.GetValue<string>() : throw TypeError($"{path}.{i + 1}.member", "a string")).ToList();
    }

    public IReadOnlyDictionary<string, string>? StringMap(JsonObject obj, string name, string path, int? maxCount, StringShape keyShape, StringShape valueShape)
    {
        var map = Object(obj, name, path);
        if (map is null)
        {
            return null;
        }
        if (maxCount is { } max && map.Count > max)
        {
            _errors.Add($"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in map)
        {
            var value = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : throw TypeError($"{path}.{key}", "a string");
            Check($"{path}.key", key, keyShape, true);
            Check($"{path}.{key}", value, valueShape, true);
            result[key] = value;
        }
        return result;
    }

    // ---- rules that span members ----

    public void Fail(string path, string constraint, string? value = null) =>
        _errors.Add($"Value {(value is null ? "null" : $"'{value}'")} at '{path}' failed to satisfy constraint: {constraint}");

    public void ThrowIfInvalid()
    {
        if (_errors.Count == 0)
        {
            return;
        }
        var noun = _errors.Count == 1 ? "validation error" : "validation errors";
        throw EumException.Validation($"{_errors.Count} {noun} detected: {string.Join("; ", _errors)}");
    }

    private JsonArray? List(JsonObject obj, string name, string path, bool required, int? maxCount)
    {
        var node = Member(obj, name);
        if (node is null)
        {
            Require(path, required);
            return null;
        }
        var list = node as JsonArray ?? throw TypeError(path, "a list");
        if (maxCount is { } max && list.Count > max)
        {
            _errors.Add($"Value at '{path}' failed to satisfy constraint: Member must have length less than or equal to {max}");
        }
        return list;
    }

    // A JSON null is treated as "not set", which is how AWS's deserialisers treat it.
    private static JsonNode? Member(JsonObject obj, string name) => obj.TryGetPropertyValue(name, out var node) ? node : null;

    private string? Check(string path, string? value, StringShape shape, bool required)
    {
        if (value is null)
        {
            Require(path, required);
            return null;
        }
        foreach (var violation in shape.Violations(value))
        {
            _errors.Add($"Value '{(shape.Sensitive ? "***" : value)}' at '{path}' failed to satisfy constraint: {violation}");
        }
        return value;
    }

    private void CheckRange(string path, long value, long? min, long? max)
    {
        if (min is { } lo && value < lo)
        {
            _errors.Add($"Value '{value}' at '{path}' failed to satisfy constraint: Member must have value greater than or equal to {lo}");
        }
        if (max is { } hi && value > hi)
        {
            _errors.Add($"Value '{value}' at '{path}' failed to satisfy constraint: Member must have value less than or equal to {hi}");
        }
    }

    private void Require(string path, bool required)
    {
        if (required)
        {
            _errors.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
        }
    }

    private static EumException TypeError(string path, string expected) =>
        EumException.Serialization($"Expected {expected} for member '{path}'.");
}
