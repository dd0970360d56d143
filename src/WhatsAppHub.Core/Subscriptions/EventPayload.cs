using System.Text;
using System.Text.Json;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Subscriptions;

/// <summary>
/// The body a subscriber receives: <c>{id, type, occurredAt, wabaId, phoneNumberId, waId, data}</c>, with the event's
/// details inlined as the <c>data</c> object (absent members left out). Written once when the delivery is created, so
/// every attempt sends, and signs, the same bytes.
/// </summary>
public static class EventPayload
{
    public static string ToJson(HubEvent evt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", evt.Id);
            writer.WriteString("type", evt.Type);
            writer.WriteString("occurredAt", evt.OccurredAt.ToUniversalTime());
            if (evt.WabaId is not null) writer.WriteString("wabaId", evt.WabaId);
            if (evt.PhoneNumberId is not null) writer.WriteString("phoneNumberId", evt.PhoneNumberId);
            if (evt.WaId is not null) writer.WriteString("waId", evt.WaId);
            writer.WritePropertyName("data");
            WriteData(writer, evt.DataJson);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteData(Utf8JsonWriter writer, string dataJson)
    {
        // DataJson comes from the hub's own mapper and is an object; anything else is still delivered (as text) rather
        // than failing the whole fan-out over one event.
        try
        {
            using var data = JsonDocument.Parse(dataJson);
            if (data.RootElement.ValueKind == JsonValueKind.Object)
            {
                data.RootElement.WriteTo(writer);
                return;
            }
        }
        catch (JsonException)
        {
        }
        writer.WriteStartObject();
        writer.WriteString("unparsed", dataJson);
        writer.WriteEndObject();
    }
}
