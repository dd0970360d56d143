using System.Globalization;
using System.Text.Json;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Parses the SNS <c>Message</c> of an EUM notification: the EUM envelope, then its <c>whatsAppWebhookEntry</c> string
/// as Meta's entry, into typed messages, statuses, errors and account events. Never throws: a Message that is not an
/// EUM event at all gives an error; anything unexpected inside the entry is kept raw in <see cref="EumEvent.Unknown"/>.
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
            if (Json.Str(root, "whatsAppWebhookEntry") is not { } entryText) return Fail("The EUM event has no whatsAppWebhookEntry string.");

            using var entryDocument = JsonDocument.Parse(entryText, Options);
            var entry = entryDocument.RootElement;
            if (entry.ValueKind != JsonValueKind.Object) return Fail("whatsAppWebhookEntry is not a JSON object.");

            var parts = new Parts();
            var entryTime = Json.UnixTime(entry, "time");
            var index = 0;
            foreach (var change in Json.Items(entry, "changes"))
                ReadChange(change, $"changes[{index++}]", entryTime, parts);
            if (Json.Prop(entry, "changes") is not { ValueKind: JsonValueKind.Array })
                parts.Unknown.Add(new UnknownItem("changes", "The entry has no changes array.", entry.GetRawText()));

            return new EumEventParseResult(new EumEvent(Json.Str(entry, "id"), Json.Str(root, "aws_account_id"),
                Json.IsoTime(Json.Str(root, "message_timestamp")), PhoneNumbers(root),
                parts.Messages, parts.Statuses, parts.Errors, parts.AccountEvents, parts.Unknown) { Payments = parts.Payments }, null);
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

    private sealed class Parts
    {
        public List<InboundMessage> Messages { get; } = [];
        public List<StatusUpdate> Statuses { get; } = [];
        public List<PaymentStatus> Payments { get; } = [];
        public List<WebhookError> Errors { get; } = [];
        public List<AccountEvent> AccountEvents { get; } = [];
        public List<UnknownItem> Unknown { get; } = [];
    }

    private static void ReadChange(JsonElement change, string where, DateTimeOffset? entryTime, Parts parts)
    {
        var field = Json.Str(change, "field");
        if (field is null || Json.Prop(change, "value") is not { ValueKind: JsonValueKind.Object } value)
        {
            parts.Unknown.Add(new UnknownItem(where, field is null ? "The change has no field." : "The change's value is not an object.", change.GetRawText()));
            return;
        }
        var metadata = Json.Prop(value, "metadata") is { ValueKind: JsonValueKind.Object } m
            ? new ChangeMetadata(Json.Str(m, "phone_number_id"), Json.Str(m, "display_phone_number"))
            : new ChangeMetadata(null, Json.Str(value, "display_phone_number"));
        if (field != "messages")
        {
            parts.AccountEvents.Add(AccountEventReader.Read(field, value, entryTime, metadata));
            return;
        }

        var known = false;
        var contacts = Json.Items(value, "contacts").ToList();
        var i = 0;
        foreach (var item in Json.Items(value, "messages"))
        {
            known = true;
            if (MessageReader.Read(item, metadata, contacts) is { } message) parts.Messages.Add(message);
            else parts.Unknown.Add(new UnknownItem($"{where}.value.messages[{i}]", "The message has no from.", item.GetRawText()));
            i++;
        }
        i = 0;
        foreach (var item in Json.Items(value, "statuses"))
        {
            known = true;
            if (Json.Str(item, "type") == "payment")
            {
                // A payment status names an order by reference_id, not a message by wamid (§8.6).
                if (PaymentStatusReader.Read(item, metadata) is { } payment) parts.Payments.Add(payment);
                else parts.Unknown.Add(new UnknownItem($"{where}.value.statuses[{i}]", "The payment status has no status or no payment.reference_id.", item.GetRawText()));
            }
            else if (ReadStatus(item, metadata) is { } status) parts.Statuses.Add(status);
            else parts.Unknown.Add(new UnknownItem($"{where}.value.statuses[{i}]", "The status has no id or no status.", item.GetRawText()));
            i++;
        }
        i = 0;
        foreach (var item in Json.Items(value, "errors"))
        {
            known = true;
            if (item.ValueKind == JsonValueKind.Object) parts.Errors.Add(Json.Error(item) with { Metadata = metadata });
            else parts.Unknown.Add(new UnknownItem($"{where}.value.errors[{i}]", "The error is not an object.", item.GetRawText()));
            i++;
        }
        if (!known) parts.Unknown.Add(new UnknownItem($"{where}.value", "A messages change with no messages, statuses or errors.", value.GetRawText()));
    }

    private static Dictionary<string, string> PhoneNumbers(JsonElement root)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Json.Prop(root, "context") is not { } context) return map;
        foreach (var link in Json.Items(context, "MetaPhoneNumberIds"))
            if (Json.Str(link, "metaPhoneNumberId") is { } meta && Json.Str(link, "arn") is { } arn)
                map.TryAdd(meta, arn);
        return map;
    }

    private static StatusUpdate? ReadStatus(JsonElement item, ChangeMetadata metadata)
    {
        if (Json.Str(item, "id") is not { Length: > 0 } wamid || Json.Str(item, "status") is not { Length: > 0 } status) return null;
        var conversation = Json.Prop(item, "conversation") is { ValueKind: JsonValueKind.Object } c
            ? new StatusConversation(Json.Str(c, "id"), Json.UnixTime(c, "expiration_timestamp"),
                Json.Prop(c, "origin") is { } origin ? Json.Str(origin, "type") : null)
            : null;
        var pricing = Json.Prop(item, "pricing") is { ValueKind: JsonValueKind.Object } p
            ? new StatusPricing(Json.Bool(p, "billable"), Json.Str(p, "pricing_model"), Json.Str(p, "type"), Json.Str(p, "category")?.Replace('-', '_'))
            : null;
        return new StatusUpdate(metadata, wamid, status, Json.UnixTime(item, "timestamp"), Json.Str(item, "recipient_id"),
            Json.Str(item, "recipient_type"), Json.Str(item, "recipient_participant_id"), Json.Str(item, "biz_opaque_callback_data"),
            conversation, pricing, Json.Items(item, "errors").Select(Json.Error).ToList(), item.GetRawText());
    }

    private static EumEventParseResult Fail(string error) => new(null, error);
}
