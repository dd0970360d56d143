using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Queues;

/// <summary>
/// One Azure Storage queue. Message text is stored base64-encoded UTF-8 (the Azure Functions queue
/// trigger's default encoding), so the hub and the Functions runtime read the same messages.
/// Service failures surface as <see cref="StorageRequestException"/>.
/// </summary>
public interface IWorkQueue
{
    string Name { get; }

    /// <summary>Creates the queue; succeeds when it already exists.</summary>
    Task CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Adds a message.</summary>
    /// <remarks>A retry after a lost response can enqueue the message twice; consumers must be idempotent (they are anyway: delivery is at-least-once).</remarks>
    /// <param name="message">The text; at most 64 KiB once base64-encoded (about 48 KiB of UTF-8).</param>
    /// <param name="visibilityDelay">Hidden for this long first (0 to 7 days): the timer primitive.</param>
    /// <param name="timeToLive">How long it lives (default 7 days); <see cref="Timeout.InfiniteTimeSpan"/> = never expires.</param>
    Task<QueueReceipt> PutAsync(string message, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default);

    /// <summary>Dequeues 1-32 messages, hiding them for <paramref name="visibilityTimeout"/> (1 s to 7 days).</summary>
    Task<IReadOnlyList<QueueMessage>> GetAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default);

    /// <summary>Deletes a dequeued message; false when it is gone or its pop receipt is no longer current.</summary>
    Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken ct = default);

    /// <summary>
    /// Changes how long a dequeued message stays hidden, and optionally its text. Returns the new pop
    /// receipt (the old one stops working) and the new visibility time.
    /// </summary>
    Task<QueueReceipt> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default);

    /// <inheritdoc cref="UpdateVisibilityAsync(string, string, TimeSpan, CancellationToken)"/>
    Task<QueueReceipt> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newMessage, CancellationToken ct = default);

    /// <summary>Reads up to 32 visible messages without dequeuing them.</summary>
    Task<IReadOnlyList<PeekedQueueMessage>> PeekAsync(int maxMessages, CancellationToken ct = default);

    /// <summary>The service's approximate message count (includes hidden messages).</summary>
    Task<int> GetApproximateLengthAsync(CancellationToken ct = default);
}
