using System.Globalization;
using System.Text.Json;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Lenient readers for webhook JSON: a missing property or one of the wrong kind reads as null, never an exception,
/// because Meta adds and changes fields and a webhook must never be lost to a parse error.
/// </summary>
internal static class Json
{
    public static JsonElement? Prop(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static string? Str(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.String } value ? String(value) : null;

    /// <summary>A string, or a number's text (Meta sends ids and codes as either).</summary>
    public static string? Text(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.String } value => String(value),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static bool? Bool(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } value when bool.TryParse(String(value), out var parsed) => parsed,
        _ => null,
    };

    public static double? Double(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var d) && double.IsFinite(d) => d,
        { ValueKind: JsonValueKind.String } value when double.TryParse(String(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    };

    public static decimal? Decimal(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(String(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static int? Int(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.String } value when int.TryParse(String(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    /// <summary>
    /// A string element's text. JSON may escape a lone UTF-16 surrogate (<c>"\uD800"</c>), which .NET cannot turn into
    /// a string; such text is kept as written (escapes and all) so the item is still read, never lost to an exception.
    /// </summary>
    public static string String(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            return raw.Length >= 2 ? raw[1..^1] : raw;
        }
    }

    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>Unix seconds, as a string or a number.</summary>
    public static DateTimeOffset? UnixTime(JsonElement element, string name) =>
        long.TryParse(Text(element, name), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>EUM writes nine fractional digits; .NET keeps seven, so extra digits are cut before parsing.</summary>
    public static DateTimeOffset? IsoTime(string? text)
    {
        if (text is null) return null;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
            if (end - dot - 1 > 7) text = text[..(dot + 8)] + text[end..];
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at : null;
    }

    public static WebhookError Error(JsonElement item) => new(
        Text(item, "code"),
        Str(item, "title") ?? Str(item, "message"),
        Prop(item, "error_data") is { } data ? Str(data, "details") : null,
        Str(item, "href"));
}
