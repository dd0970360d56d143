using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>Reads top-level output members from a response body; a missing or null member reads as null.</summary>
internal static class JsonOutput
{
    public static string? String(this JsonElement body, string name) =>
        Member(body, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    public static bool? Boolean(this JsonElement body, string name) =>
        Member(body, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } v ? v.GetBoolean() : null;

    public static int? Integer(this JsonElement body, string name) =>
        Member(body, name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;

    public static long? Long(this JsonElement body, string name) =>
        Member(body, name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : null;

    /// <summary>A structure, list or map member, read with <see cref="EumJson.Options"/>.</summary>
    public static T? Shape<T>(this JsonElement body, string name) where T : class =>
        Member(body, name) is { } v ? v.Deserialize<T>(EumJson.Options) : null;

    private static JsonElement? Member(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
            ? v
            : null;
}
