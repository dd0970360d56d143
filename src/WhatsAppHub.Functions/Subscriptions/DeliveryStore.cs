using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// Delivery rows in the <c>Subscriptions</c> table (<see cref="DeliveryKeys"/>) and their <c>deliveries</c> queue
/// messages. The body is stored in 32K-character parts (<see cref="TextParts"/>: <c>body0</c>, …) because a string property holds 64 KB.
/// </summary>
/// <remarks>
/// Creating is insert-if-absent with <c>queued=false</c>, then the queue put, then <c>queued=true</c>: an instance
/// that dies between the insert and the put leaves a row that the next publish of the same event queues. Two
/// publishes racing through that window can both queue it, so a receiver may (rarely) get one event twice: it should
/// de-duplicate on <c>X-WhatsAppHub-Event-Id</c>.
/// </remarks>
public sealed class DeliveryStore(TableService tables, QueueService queues)
{
    public const int PartLength = TextParts.PartLength;
    public const int MaxBodyParts = 14; // with the other properties, under the 1 MB entity limit

    private static readonly string[] ListColumns =
    [
        "subscriptionId", "deliveryId", "eventId", "eventType", "occurredAt", "status", "attempts", "createdAt",
        "lastAttemptAt", "lastStatusCode", "lastError", "nextAttemptAt", "deliveredAt", "queued",
    ];

    private readonly ITableStore _table = tables.GetTable(HubTables.Subscriptions);
    private readonly IWorkQueue _queue = queues.GetQueue(HubQueues.Deliveries);

    /// <summary>Creates the delivery of <paramref name="evt"/> to <paramref name="subscription"/> and queues it, once.</summary>
    /// <returns>True when a queue message was put (a new delivery, or one an earlier publish left unqueued).</returns>
    public async Task<bool> CreateAsync(Subscription subscription, HubEvent evt, string body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = NewRow(subscription.Id, evt, body, now);
        if (!await _table.InsertIfAbsentAsync(row, cancellationToken))
        {
            var existing = await _table.GetAsync(row.PartitionKey, row.RowKey, cancellationToken);
            if (existing is null || existing.GetBoolean("queued") != false || DeliveryStatus.IsFinal(existing.GetString("status"))) return false;
        }
        else if (row.GetString("status") == DeliveryStatus.DeadLettered)
        {
            return false; // too large to store: recorded dead-lettered with the reason, nothing to send
        }
        await QueueAsync(subscription.Id, row.RowKey, TimeSpan.Zero, cancellationToken);
        return true;
    }

    /// <summary>The delivery and its row (with the row's ETag), or null.</summary>
    public async Task<(Delivery Delivery, TableRow Row)?> FindAsync(string subscriptionId, string deliveryId, CancellationToken cancellationToken)
    {
        if (!SubscriptionIds.IsValid(subscriptionId) || !DeliveryKeys.IsDeliveryId(deliveryId)) return null;
        var row = await _table.GetAsync(DeliveryKeys.Partition(subscriptionId), deliveryId, cancellationToken);
        return row is null ? null : (FromRow(row, withBody: true), row);
    }

    /// <summary>A page of a subscription's deliveries, newest event first, optionally of one status.</summary>
    public async Task<(IReadOnlyList<Delivery> Items, TableContinuation? Continuation)> ListAsync(
        string subscriptionId, string? status, int limit, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var page = await _table.QueryAsync(new TableQuery
        {
            PartitionKey = DeliveryKeys.Partition(subscriptionId),
            Filter = status is null ? null : TableFilter.Equal("status", status),
            Top = limit,
            Select = ListColumns,
            Continuation = continuation,
        }, cancellationToken);
        return (page.Rows.Select(r => FromRow(r, withBody: false)).ToList(), page.Continuation);
    }

    /// <summary>Writes the whole row back unless it changed since it was read (then false: someone else moved it on).</summary>
    public async Task<bool> SaveAsync(TableRow row, CancellationToken cancellationToken)
    {
        try
        {
            row.ETag = await _table.UpdateAsync(row, row.ETag!, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (TableConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Sends a dead-lettered delivery (or one whose queue message was never put) again with a fresh set of attempts:
    /// row back to <c>pending</c> with <c>queued=false</c>, then the queue put, then <c>queued=true</c>.
    /// </summary>
    /// <returns>False when the row changed meanwhile.</returns>
    public async Task<bool> RequeueAsync(TableRow row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        row.Set("status", DeliveryStatus.Pending).Set("attempts", 0).Set("nextAttemptAt", null).Set("queued", false)
            .Set("requeuedAt", now).Set("requeues", (row.GetInt32("requeues") ?? 0) + 1);
        if (!await SaveAsync(row, cancellationToken)) return false;
        await QueueAsync(row.GetString("subscriptionId")!, row.RowKey, TimeSpan.Zero, cancellationToken);
        return true;
    }

    private async Task QueueAsync(string subscriptionId, string deliveryId, TimeSpan delay, CancellationToken cancellationToken)
    {
        // Never expires: while the delivery waits, this message is the only thing that will send it.
        await _queue.PutAsync(DeliveryWork.ToText(subscriptionId, deliveryId), delay, Timeout.InfiniteTimeSpan, cancellationToken);
        var mark = new TableRow(DeliveryKeys.Partition(subscriptionId), deliveryId).Set("queued", true).Set("queuedAt", DateTimeOffset.UtcNow);
        await _table.UpsertAsync(mark, TableUpdateMode.Merge, cancellationToken);
    }

    private static TableRow NewRow(string subscriptionId, HubEvent evt, string body, DateTimeOffset now)
    {
        var deliveryId = DeliveryKeys.DeliveryId(evt.Id, evt.OccurredAt);
        var row = new TableRow(DeliveryKeys.Partition(subscriptionId), deliveryId);
        row.Set("subscriptionId", subscriptionId);
        row.Set("deliveryId", deliveryId);
        row.Set("eventId", evt.Id.Length > 1000 ? evt.Id[..1000] : evt.Id);
        row.Set("eventType", evt.Type);
        row.Set("occurredAt", evt.OccurredAt);
        row.Set("status", DeliveryStatus.Pending);
        row.Set("attempts", 0);
        row.Set("createdAt", now);
        row.Set("queued", false);
        if (body.Length > PartLength * MaxBodyParts)
        {
            // Sending part of an event would hand the subscriber wrong data; record why it was not sent instead.
            row.Set("status", DeliveryStatus.DeadLettered).Set("queued", true)
                .Set("lastError", $"The event has {body.Length} characters; a delivery holds at most {PartLength * MaxBodyParts}.");
            return row;
        }
        TextParts.Set(row, "body", body, MaxBodyParts);
        return row;
    }

    private static Delivery FromRow(TableRow r, bool withBody) => new(
        r.GetString("subscriptionId") ?? string.Empty,
        r.RowKey,
        r.GetString("eventId") ?? string.Empty,
        r.GetString("eventType") ?? string.Empty,
        r.GetDateTimeOffset("occurredAt") ?? DateTimeOffset.MinValue,
        r.GetString("status") ?? DeliveryStatus.Pending,
        r.GetInt32("attempts") ?? 0,
        r.GetDateTimeOffset("createdAt") ?? DateTimeOffset.MinValue,
        r.GetDateTimeOffset("lastAttemptAt"),
        r.GetInt32("lastStatusCode"),
        r.GetString("lastError"),
        r.GetDateTimeOffset("nextAttemptAt"),
        r.GetDateTimeOffset("deliveredAt"),
        r.GetBoolean("queued") ?? false,
        withBody ? TextParts.Get(r, "body").Text : null);
}
