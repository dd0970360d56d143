using System.Text.Json;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>What happened to a delivered Notification.</summary>
public enum InboundRecordOutcome
{
    /// <summary>First delivery: stored and queued.</summary>
    Stored,

    /// <summary>Already stored and queued: nothing changed.</summary>
    Duplicate,

    /// <summary>Stored by an earlier delivery that did not get as far as the queue: queued now.</summary>
    Requeued,
}

/// <summary>
/// Raw SNS messages in the <c>InboundEvents</c> table, one row per SNS MessageId (<c>SNS|{MessageId}</c> / <c>RAW</c>),
/// so every message has its own partition and writes spread. The raw JSON is kept as received, in 32K-character
/// parts (<c>raw0</c>, <c>raw1</c>, …) because a string property holds at most 64 KB; a body beyond
/// <see cref="MaxRawParts"/> parts is trimmed and marked <c>rawTruncated</c>, with its full length in <c>rawLength</c>.
/// </summary>
/// <remarks>
/// Dedupe is insert-if-absent on the MessageId, so any number of deliveries across instances make one row. The row says
/// whether its queue message was put (<c>queued</c>): a delivery that finds the row not yet queued (an instance died
/// between the insert and the put, and SNS retried because it got no 200) puts it again. Two deliveries racing through
/// that window can both put one: the consumer is idempotent on the row, so that costs a no-op, never a lost event.
/// </remarks>
public sealed class InboundEventStore(TableService tables, QueueService queues)
{
    public const string RowKey = "RAW";
    public const int PartLength = TableRowLimits.MaxStringLength;
    public const int MaxRawParts = 14; // 14 × 64 KB stays under the 1 MB entity limit with the other properties.
    public const string StageReceived = "received";
    public const string StageProcessed = "processed";
    public const string StagePoisoned = "poisoned";

    private readonly ITableStore _table = tables.GetTable(HubTables.InboundEvents);
    private readonly IWorkQueue _queue = queues.GetQueue(HubQueues.Inbound);

    public static string PartitionKey(string messageId) => StorageKey.Compose("SNS", messageId);

    /// <summary>Stores a genuine Notification once and puts <c>{"messageId": …}</c> on the <c>inbound</c> queue once.</summary>
    public async Task<InboundRecordOutcome> RecordNotificationAsync(SnsEnvelope envelope, string raw, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var row = ToRow(envelope, raw, receivedAt);
        row.Set("queued", false);
        var outcome = InboundRecordOutcome.Stored;
        if (!await _table.InsertIfAbsentAsync(row, cancellationToken))
        {
            var existing = await _table.GetAsync(row.PartitionKey, RowKey, cancellationToken);
            if (existing?.GetBoolean("queued") == true) return InboundRecordOutcome.Duplicate;
            outcome = InboundRecordOutcome.Requeued;
        }

        // Never expires: until the inbound handler takes it, this message is the only reminder that the row awaits parsing.
        await _queue.PutAsync(JsonSerializer.Serialize(new { messageId = envelope.MessageId }), timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
        var mark = new TableRow(row.PartitionKey, RowKey).Set("queued", true).Set("queuedAt", DateTimeOffset.UtcNow);
        await _table.UpsertAsync(mark, TableUpdateMode.Merge, cancellationToken);
        return outcome;
    }

    /// <summary>Records a SubscriptionConfirmation or UnsubscribeConfirmation (latest delivery wins); never queued.</summary>
    public Task RecordConfirmationAsync(SnsEnvelope envelope, string raw, DateTimeOffset receivedAt, int? confirmStatus, CancellationToken cancellationToken)
    {
        var row = ToRow(envelope, raw, receivedAt);
        if (confirmStatus is { } status) row.Set("confirmStatus", status).Set("confirmed", status is >= 200 and < 300);
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The stored raw JSON, joined from its parts (null when no row).</summary>
    public async Task<(TableRow Row, string Raw)?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(PartitionKey(messageId), RowKey, cancellationToken);
        if (row is null) return null;
        var parts = row.GetInt32("rawParts") ?? 0;
        return (row, string.Concat(Enumerable.Range(0, parts).Select(i => row.GetString("raw" + i))));
    }

    /// <summary>Marks the row handled by the inbound worker (<c>processedAt</c>), with what it found or why it could not.</summary>
    public Task MarkProcessedAsync(string messageId, string stage, DateTimeOffset at, IReadOnlyDictionary<string, object> details, CancellationToken cancellationToken)
    {
        var mark = new TableRow(PartitionKey(messageId), RowKey).Set("stage", stage).Set("processedAt", at);
        foreach (var (name, value) in details)
        {
            switch (value)
            {
                case int number: mark.Set(name, number); break;
                case string text: mark.Set(name, text.Length > 1000 ? text[..1000] : text); break;
            }
        }
        return _table.UpsertAsync(mark, TableUpdateMode.Merge, cancellationToken);
    }

    private static TableRow ToRow(SnsEnvelope envelope, string raw, DateTimeOffset receivedAt)
    {
        var row = new TableRow(PartitionKey(envelope.MessageId), RowKey);
        row.Set(ItemType.PropertyName, ItemType.WebhookEvent);
        row.Set("source", "sns");
        row.Set("stage", StageReceived);
        row.Set("messageId", envelope.MessageId);
        row.Set("snsType", envelope.Type);
        row.Set("topicArn", envelope.TopicArn);
        row.Set("snsTimestamp", envelope.Timestamp);
        row.Set("receivedAt", receivedAt);
        row.Set("rawLength", raw.Length);

        var parts = 0;
        var offset = 0;
        while (offset < raw.Length && parts < MaxRawParts)
        {
            var length = Math.Min(PartLength, raw.Length - offset);
            // Never cut a surrogate pair in two: each part must be a valid string on its own.
            if (offset + length < raw.Length && char.IsHighSurrogate(raw[offset + length - 1])) length--;
            row.Set("raw" + parts, raw.Substring(offset, length));
            offset += length;
            parts++;
        }
        row.Set("rawParts", parts);
        if (offset < raw.Length) row.Set("rawTruncated", true);
        return row;
    }
}
