using System.Text.Json;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>A delivery as the API shows it; <see cref="Event"/> (the body sent) only when one delivery is read.</summary>
public sealed record DeliveryView(
    string Id,
    string SubscriptionId,
    string EventId,
    string EventType,
    DateTimeOffset OccurredAt,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt,
    JsonElement? Event)
{
    public static DeliveryView From(Delivery d) => new(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.OccurredAt, d.Status, d.Attempts,
        d.CreatedAt, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.NextAttemptAt, d.DeliveredAt, Parse(d.Body));

    private static JsonElement? Parse(string? body)
    {
        if (body is null) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One page of <c>GET /api/subscriptions/{id}/deliveries</c>; pass <see cref="Continuation"/> back as <c>?continuation=</c> for the next.</summary>
public sealed record DeliveryListView(IReadOnlyList<DeliveryView> Items, string? Continuation);
