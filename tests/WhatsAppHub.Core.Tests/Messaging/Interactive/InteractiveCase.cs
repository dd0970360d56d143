using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>
/// Builds test messages by editing one reference example (paths relative to <c>interactive</c>, e.g.
/// <c>action.buttons[0].reply.title</c>) and reads them through the real <see cref="OutboundMessageReader"/>.
/// </summary>
public static partial class InteractiveCase
{
    /// <summary>Stands for "remove this member" in an edit.</summary>
    public const string Remove = "<remove>";

    public static JsonObject Example(string name) => JsonNode.Parse(ReferenceExamples.All[name])!.AsObject();

    /// <summary>The example with one member set to <paramref name="json"/> (or removed with <see cref="Remove"/>).</summary>
    public static JsonObject Edit(string example, string path, string json) => Edit(Example(example), path, json);

    public static JsonObject Edit(JsonObject message, string path, string json)
    {
        var remove = json == Remove;
        var value = remove ? null : JsonNode.Parse(json);
        JsonNode parent = message["interactive"]!;
        var segments = Segments(path);
        foreach (var segment in segments[..^1]) parent = Step(parent, segment)!;
        var last = segments[^1];
        if (last is int index)
        {
            if (remove) parent.AsArray().RemoveAt(index);
            else parent.AsArray()[index] = value;
        }
        else if (remove) parent.AsObject().Remove((string)last);
        else parent.AsObject()[(string)last] = value;
        return message;
    }

    public static IReadOnlyList<ValidationError> Errors(JsonObject message) =>
        OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(message.ToJsonString())).Errors;

    /// <summary>Asserts the message is refused with (at least) this rule at this path, given relative to <c>$.interactive</c>.</summary>
    public static void AssertRefused(JsonObject message, string path, string rule)
    {
        var errors = Errors(message);
        var expected = path.Length == 0 ? "$.interactive" : "$.interactive." + path;
        Assert.True(errors.Any(e => e.Path == expected && e.Rule == rule),
            $"expected {rule} at {expected}; got: {string.Join("; ", errors.Select(e => $"{e.Rule} at {e.Path}"))}");
    }

    public static void AssertAccepted(JsonObject message)
    {
        var errors = Errors(message);
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Rule} at {e.Path}: {e.Message}")));
    }

    /// <summary>A JSON string of <paramref name="length"/> characters, as Meta counts them.</summary>
    public static string Text(int length, string unit = "a") => JsonValue.Create(string.Concat(Enumerable.Repeat(unit, length)))!.ToJsonString();

    /// <summary>A JSON array of <paramref name="count"/> items made by <paramref name="item"/> from the item's index.</summary>
    public static string Many(int count, Func<int, string> item) => "[" + string.Join(",", Enumerable.Range(0, count).Select(item)) + "]";

    /// <summary>A JSON string value.</summary>
    public static string Str(string value) => JsonValue.Create(value)!.ToJsonString();

    private static JsonNode? Step(JsonNode node, object segment) => segment is int i ? node.AsArray()[i] : node.AsObject()[(string)segment];

    private static object[] Segments(string path) =>
        [.. SegmentPattern().Matches(path).Select(m => m.Groups[1].Success ? (object)int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : m.Value)];

    [GeneratedRegex(@"\[(\d+)\]|[^.\[\]]+")]
    private static partial Regex SegmentPattern();
}
