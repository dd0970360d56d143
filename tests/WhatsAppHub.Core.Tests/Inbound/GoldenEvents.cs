using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>
/// Builds golden EUM events the way EUM publishes them (eum-events-sns-media.md §1.3): the envelope with
/// <c>context</c>, the Meta entry serialized into the <c>whatsAppWebhookEntry</c> string, and nanosecond timestamps.
/// </summary>
internal static class GoldenEvents
{
    public const string WabaId = "402118733562209";
    public const string PhoneNumberId = "588812340017765";
    public const string DisplayNumber = "4930555501234";
    public const string Arn = "arn:aws:social-messaging:eu-west-1:210987654321:phone-number-id/3f9b2e6d1a8c4c7e8d0f6a5b4c3d2e19";
    public const string ContactWaId = "4915255501111";
    public const long BaseTime = 1767600000;

    public static readonly ChangeMetadata Metadata = new(PhoneNumberId, DisplayNumber);

    public static DateTimeOffset At(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    public static string Envelope(string entry) => new JsonObject
    {
        ["context"] = new JsonObject
        {
            ["MetaWabaIds"] = new JsonArray(new JsonObject { ["wabaId"] = WabaId, ["arn"] = "arn:aws:social-messaging:eu-west-1:210987654321:waba/7c1e0d9a4b6f4f0e9a3d2b1c0e5f7a81" }),
            ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = PhoneNumberId, ["arn"] = Arn }),
        },
        ["whatsAppWebhookEntry"] = entry,
        ["aws_account_id"] = "210987654321",
        ["message_timestamp"] = "2026-01-05T08:00:01.123456789Z",
    }.ToJsonString();

    /// <summary>One Meta <c>entry</c> with the given changes (<c>time</c> only when given: messages payloads omit it).</summary>
    public static string Entry(long? time, params (string Field, string Value)[] changes)
    {
        var entry = new JsonObject { ["id"] = WabaId };
        if (time is { } t) entry["time"] = t;
        entry["changes"] = new JsonArray(changes.Select(c => (JsonNode)new JsonObject { ["field"] = c.Field, ["value"] = JsonNode.Parse(c.Value) }).ToArray());
        return entry.ToJsonString();
    }

    /// <summary>A <c>messages</c> change value: product, metadata, then the given members (contacts, messages, …).</summary>
    public static string MessagesValue(string members) =>
        $$"""{"messaging_product":"whatsapp","metadata":{"display_phone_number":"{{DisplayNumber}}","phone_number_id":"{{PhoneNumberId}}"},{{members}}}""";

    public static EumEvent Parse(string entry)
    {
        var result = EumEventParser.Parse(Envelope(entry));
        Assert.Null(result.Error);
        var evt = Assert.IsType<EumEvent>(result.Event);
        Assert.Equal(WabaId, evt.MetaWabaId);
        return evt;
    }

    /// <summary>Parses one message item sent by the usual contact and returns it with its expected raw text.</summary>
    public static (InboundMessage Message, string Raw) OneMessage(string message, string contacts = $$"""[{"profile":{"name":"Mara"},"wa_id":"{{ContactWaId}}"}]""")
    {
        var evt = Parse(Entry(null, ("messages", MessagesValue($$"""  "contacts":{{contacts}},"messages":[{{message}}]"""))));
        Assert.Empty(evt.Unknown);
        return (Assert.Single(evt.Messages), JsonNode.Parse(message)!.ToJsonString());
    }

    /// <summary>The message the usual contact (Mara) sent, as the parser should give it.</summary>
    public static InboundMessage Expected(string raw, string wamid, string type, long time, InboundContent content,
        MessageContext? context = null, Referral? referral = null, string? groupId = null) =>
        new(Metadata, ContactWaId, wamid, type, At(time), "Mara", ContactWaId, groupId, context, referral, content, raw);
}
