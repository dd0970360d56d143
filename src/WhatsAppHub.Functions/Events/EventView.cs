using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Events;

/// <summary>
/// One event as <c>GET /api/events</c> lists it: the normalized event (the shape subscribers receive). An event whose data
/// was too large to store whole (never seen: an SNS message is at most 256 KB) says so in <see cref="DataTruncated"/> and
/// gives the stored start as <see cref="DataText"/> instead of <see cref="Data"/>.
/// </summary>
public sealed record EventView(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? WabaId,
    string? PhoneNumberId,
    string? WaId,
    JsonNode? Data,
    bool? DataTruncated = null,
    string? DataText = null)
{
    public static EventView From(TableRow row)
    {
        var (text, truncated) = TextParts.Get(row, "data");
        var view = new EventView(row.GetString("eventId") ?? "", row.GetString("type") ?? "", row.GetDateTimeOffset("occurredAt") ?? default,
            row.GetString("wabaId"), row.GetString("phoneNumberId"), row.GetString("waId"), null);
        if (truncated) return view with { DataTruncated = true, DataText = text };
        try
        {
            return view with { Data = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }) };
        }
        catch (JsonException)
        {
            return view with { DataText = text };
        }
    }
}

/// <summary>One page of <c>GET /api/events</c>; pass <see cref="Continuation"/> back as <c>?continuation=</c> for the next.</summary>
public sealed record EventListView(IReadOnlyList<EventView> Items, string? Continuation);
