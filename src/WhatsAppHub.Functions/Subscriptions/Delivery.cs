namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>One event for one subscription, as its row holds it.</summary>
/// <param name="Body">The exact JSON every attempt sends; null when the row was read without it (listings).</param>
public sealed record Delivery(
    string SubscriptionId,
    string Id,
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
    bool Queued,
    string? Body);
