namespace WhatsAppHub.Core.Subscriptions;

/// <summary>Where one delivery (one event to one subscription) stands, as stored and listed.</summary>
public static class DeliveryStatus
{
    /// <summary>Created and queued; no attempt yet (or re-queued by an operator).</summary>
    public const string Pending = "pending";

    /// <summary>The receiver answered 2xx.</summary>
    public const string Delivered = "delivered";

    /// <summary>An attempt failed; the next waits in the queue until <c>nextAttemptAt</c>.</summary>
    public const string Retrying = "retrying";

    /// <summary>Every attempt failed (or the receiver answered 410 Gone); only an operator's retry sends it again.</summary>
    public const string DeadLettered = "dead-lettered";

    /// <summary>The subscription was deleted before the delivery was made.</summary>
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, Retrying, DeadLettered, Cancelled];

    /// <summary>Nothing more will happen to the delivery on its own.</summary>
    public static bool IsFinal(string? status) => status is Delivered or DeadLettered or Cancelled;
}
