using System.Globalization;
using System.Text.Json;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Parses the SNS <c>Message</c> of an EUM notification: the EUM envelope, then its <c>whatsAppWebhookEntry</c> string
/// as Meta's entry. Never throws: a Message that is not an EUM event at all gives an error; anything unexpected inside
/// the entry (unknown fields, malformed items) is skipped and counted.
/// </summary>
public static class EumEventParser
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static EumEventParseResult Parse(string? snsMessage)
    {
        if (string.IsNullOrEmpty(snsMessage)) return Fail("The SNS Message is empty.");
        try
        {
            using var envelope = JsonDocument.Parse(snsMessage, Options);
            var root = envelope.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("The SNS Message is not a JSON object.");
            if (Str(root, "whatsAppWebhookEntry") is not { } entryText) return Fail("The EUM event has no whatsAppWebhookEntry string.");

            using var entryDocument = JsonDocument.Parse(entryText, Options);
            var entry = entryDocument.RootElement;
            if (entry.ValueKind != JsonValueKind.Object) return Fail("whatsAppWebhookEntry is not a JSON object.");

            var statuses = new List<StatusUpdate>();
            var messages = new List<InboundMessage>();
            var skipped = 0;
            foreach (var change in Items(entry, "changes"))
            {
                if (Str(change, "field") != "messages" || Prop(change, "value") is not { ValueKind: JsonValueKind.Object } value)
                {
                    skipped++;
                    continue;
                }
                var metaPhone = Prop(value, "metadata") is { } metadata ? Str(metadata, "phone_number_id") : null;
                foreach (var item in Items(value, "statuses"))
                {
                    if (ReadStatus(item, metaPhone) is { } status) statuses.Add(status);
                    else skipped++;
                }
                foreach (var item in Items(value, "messages"))
                {
                    if (ReadMessage(item, metaPhone) is { } message) messages.Add(message);
                    else skipped++;
                }
                if (Prop(value, "statuses") is null && Prop(value, "messages") is null) skipped++;
            }

            return new EumEventParseResult(new EumEvent(Str(entry, "id"), Str(root, "aws_account_id"), IsoTime(Str(root, "message_timestamp")),
                PhoneNumbers(root), statuses, messages, skipped), null);
        }
        catch (JsonException e)
        {
            return Fail("Not JSON: " + e.Message);
        }
        catch (ArgumentException e)
        {
            return Fail("Not readable: " + e.Message);
        }
    }

    private static Dictionary<string, string> PhoneNumbers(JsonElement root)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Prop(root, "context") is not { } context) return map;
        foreach (var link in Items(context, "MetaPhoneNumberIds"))
            if (Str(link, "metaPhoneNumberId") is { } meta && Str(link, "arn") is { } arn)
                map.TryAdd(meta, arn);
        return map;
    }

    private static StatusUpdate? ReadStatus(JsonElement item, string? metaPhone)
    {
        if (Str(item, "id") is not { Length: > 0 } wamid || Str(item, "status") is not { Length: > 0 } status) return null;
        var errors = Items(item, "errors").Select(e => new StatusError(
            Prop(e, "code") is { } code ? code.ValueKind == JsonValueKind.Number ? code.GetRawText() : Str(e, "code") : null,
            Str(e, "title") ?? Str(e, "message"),
            Prop(e, "error_data") is { } data ? Str(data, "details") : null)).ToList();
        return new StatusUpdate(metaPhone, wamid, status, UnixTime(Str(item, "timestamp")), Str(item, "recipient_id"),
            Str(item, "biz_opaque_callback_data"), errors);
    }

    private static InboundMessage? ReadMessage(JsonElement item, string? metaPhone)
    {
        if (Str(item, "from") is not { Length: > 0 } from) return null;
        return new InboundMessage(metaPhone, from, Str(item, "id"), Str(item, "type") ?? "unknown", UnixTime(Str(item, "timestamp")));
    }

    private static DateTimeOffset? UnixTime(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 253_402_300_799
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>EUM writes nine fractional digits; .NET keeps seven, so extra digits are cut before parsing.</summary>
    private static DateTimeOffset? IsoTime(string? text)
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

    private static JsonElement? Prop(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string? Str(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    private static EumEventParseResult Fail(string error) => new(null, error);
}
