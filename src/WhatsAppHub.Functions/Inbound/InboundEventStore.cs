using System.Globalization;
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
/// Raw SNS messages in the <c>InboundEvents</c> table, one row per SNS MessageId (<c>SNS|{stable hash mod 4}</c> /
/// <c>{MessageId}</c>). The raw JSON is kept as received, in 32K-character parts (<c>raw0</c>, <c>raw1</c>, …) because
/// a string property holds at most 64 KB; a body beyond <see cref="MaxRawParts"/> parts is trimmed and marked
/// <c>rawTruncated</c>, with its full length in <c>rawLength</c>.
/// </summary>
/// <remarks>
/// Notifications arriving together are stored by group commit (<see cref="GroupCommit{TItem,TResult}"/>): one insert
/// transaction per partition (four partitions, so a batch makes few, bigger transactions) and ONE <c>inbound</c> queue
/// message naming them all. Rows first, then the queue message, then the 200: an instance that dies in between never
/// answered, so SNS delivers again. Dedupe is insert-if-absent on the MessageId, so any number of deliveries across
/// instances make one row; a delivery that finds the row not yet processed queues it again (the first delivery may have
/// died before its queue put), which costs the worker a no-op when the first did get there.
/// </remarks>
public sealed class InboundEventStore : IAsyncDisposable
{
    public const int MaxRawParts = 14; // 14 × 64 KB stays under the 1 MB entity limit with the other properties.
    public const int Partitions = 4;
    public const string StageReceived = "received";
    public const string StageProcessed = "processed";
    public const string StagePoisoned = "poisoned";

    private readonly ITableStore _table;
    private readonly IWorkQueue _queue;
    private readonly GroupCommit<TableRow, InboundRecordOutcome> _commit;
    private readonly GroupCommit<TableRow, bool> _marks;

    public InboundEventStore(TableService tables, QueueService queues)
    {
        _table = tables.GetTable(HubTables.InboundEvents);
        _queue = queues.GetQueue(HubQueues.Inbound);
        _commit = new GroupCommit<TableRow, InboundRecordOutcome>(InboundWork.MaxIds, FlushAsync);
        _marks = new GroupCommit<TableRow, bool>(InboundWork.MaxIds * Partitions, FlushMarksAsync);
    }

    public static string PartitionKey(string messageId) =>
        StorageKey.Compose("SNS", (StorageKey.StableHash(messageId) % Partitions).ToString(CultureInfo.InvariantCulture));

    public static string RowKey(string messageId) => StorageKey.Escape(messageId);

    /// <summary>Stores a genuine Notification once and names it in an <c>inbound</c> queue message.</summary>
    public Task<InboundRecordOutcome> RecordNotificationAsync(SnsEnvelope envelope, string raw, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        _commit.SubmitAsync(ToRow(envelope, raw, receivedAt)).WaitAsync(cancellationToken);

    private async Task FlushAsync(IReadOnlyList<GroupCommit<TableRow, InboundRecordOutcome>.Pending> batch)
    {
        // One MessageId twice in a batch (SNS delivering concurrently) is stored once; both callers get its outcome.
        var outcomes = new Dictionary<string, InboundRecordOutcome>(StringComparer.Ordinal);
        var failures = new Dictionary<string, Exception>(StringComparer.Ordinal);
        await Task.WhenAll(batch.Select(p => p.Item).DistinctBy(r => r.RowKey, StringComparer.Ordinal).GroupBy(r => r.PartitionKey)
            .Select(async group =>
            {
                var rows = group.ToList();
                try
                {
                    var found = await InsertAllAsync(rows);
                    lock (outcomes)
                        foreach (var row in rows) outcomes[row.RowKey] = found.TryGetValue(row.RowKey, out var outcome) ? outcome : InboundRecordOutcome.Stored;
                }
                catch (Exception e)
                {
                    lock (outcomes)
                        foreach (var row in rows) failures[row.RowKey] = e;
                }
            }));

        var queued = outcomes.Where(o => o.Value != InboundRecordOutcome.Duplicate).Select(o => StorageKey.Unescape(o.Key)).ToList();
        if (queued.Count > 0)
        {
            try
            {
                // Never expires: until the inbound handler takes it, this message is the only reminder that the rows await parsing.
                await _queue.PutAsync(new InboundWork(queued).ToJson(), timeToLive: Timeout.InfiniteTimeSpan);
            }
            catch (Exception e)
            {
                foreach (var id in outcomes.Keys.Where(k => outcomes[k] != InboundRecordOutcome.Duplicate).ToList()) failures[id] = e;
            }
        }
        foreach (var p in batch)
        {
            if (failures.TryGetValue(p.Item.RowKey, out var error)) p.Done.TrySetException(error);
            else p.Done.TrySetResult(outcomes[p.Item.RowKey]);
        }
    }

    /// <summary>
    /// Inserts rows of one partition in one transaction; the rows that existed already are left as they are and
    /// returned with what they are: <see cref="InboundRecordOutcome.Duplicate"/> once processed, else
    /// <see cref="InboundRecordOutcome.Requeued"/>.
    /// </summary>
    private async Task<Dictionary<string, InboundRecordOutcome>> InsertAllAsync(List<TableRow> rows)
    {
        var existing = new List<TableRow>();
        var pending = rows.ToList();
        while (pending.Count > 0)
        {
            try
            {
                if (pending.Count == 1)
                {
                    if (!await _table.InsertIfAbsentAsync(pending[0])) existing.Add(pending[0]);
                }
                else
                {
                    await _table.SubmitBatchAsync(pending.Select(TableBatchAction.Insert).ToList());
                }
                break;
            }
            catch (TableBatchException e) when (e.Status == 409 && e.FailedActionIndex is { } index && index < pending.Count)
            {
                existing.Add(pending[index]);
                pending.RemoveAt(index);
            }
            catch (TableBatchException e) when (e.Status == 409)
            {
                // The service did not say which row exists: insert one by one.
                foreach (var row in pending)
                    if (!await _table.InsertIfAbsentAsync(row)) existing.Add(row);
                break;
            }
        }

        var found = new Dictionary<string, InboundRecordOutcome>(StringComparer.Ordinal);
        foreach (var row in existing)
        {
            var stored = await _table.GetAsync(row.PartitionKey, row.RowKey);
            found[row.RowKey] = stored?.GetDateTimeOffset("processedAt") is not null ? InboundRecordOutcome.Duplicate : InboundRecordOutcome.Requeued;
        }
        return found;
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
        var row = await _table.GetAsync(PartitionKey(messageId), RowKey(messageId), cancellationToken);
        return row is null ? null : (row, TextParts.Get(row, "raw").Text);
    }

    /// <summary>Marks the row handled by the inbound worker (<c>processedAt</c>), with what it found or why it could not.</summary>
    public Task MarkProcessedAsync(string messageId, string stage, DateTimeOffset at, IReadOnlyDictionary<string, object> details, CancellationToken cancellationToken) =>
        _table.UpsertAsync(Mark(messageId, stage, at, details), TableUpdateMode.Merge, cancellationToken);

    /// <summary>
    /// Writes the marks of events handled together. Marks submitted at about the same time, by this queue message's
    /// handler and the others running in this process, go by group commit: one merge transaction per partition (four
    /// partitions) rather than one call per event. Returns the ids whose mark failed, with why: still unmarked, so
    /// they must be handled again.
    /// </summary>
    public async Task<IReadOnlyList<(string MessageId, Exception Error)>> MarkAllAsync(IReadOnlyList<(string MessageId, TableRow Mark)> marks, CancellationToken cancellationToken)
    {
        var submitted = marks.DistinctBy(m => m.MessageId, StringComparer.Ordinal).Select(m => (m.MessageId, Task: _marks.SubmitAsync(m.Mark))).ToList();
        var failed = new List<(string, Exception)>();
        foreach (var (messageId, task) in submitted)
        {
            try
            {
                await task.WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed.Add((messageId, e));
            }
        }
        return failed;
    }

    private async Task FlushMarksAsync(IReadOnlyList<GroupCommit<TableRow, bool>.Pending> batch)
    {
        // A row marked twice in one batch (a duplicate queue message handled alongside) is merged once; both callers learn the outcome.
        await Task.WhenAll(batch.GroupBy(p => p.Item.PartitionKey, StringComparer.Ordinal).Select(async group =>
        {
            var rows = group.DistinctBy(p => p.Item.RowKey, StringComparer.Ordinal).Select(p => p.Item).ToList();
            try
            {
                foreach (var chunk in rows.Chunk(InboundWork.MaxIds))
                {
                    if (chunk.Length == 1) await _table.UpsertAsync(chunk[0], TableUpdateMode.Merge);
                    else await _table.SubmitBatchAsync(chunk.Select(r => TableBatchAction.Upsert(r, TableUpdateMode.Merge)).ToList());
                }
                foreach (var p in group) p.Done.TrySetResult(true);
            }
            catch (Exception e)
            {
                foreach (var p in group) p.Done.TrySetException(e);
            }
        }));
    }

    /// <summary>The merge that marks a row handled, for <see cref="MarkAllAsync"/>.</summary>
    public static TableRow Mark(string messageId, string stage, DateTimeOffset at, IReadOnlyDictionary<string, object> details)
    {
        var mark = new TableRow(PartitionKey(messageId), RowKey(messageId)).Set("stage", stage).Set("processedAt", at);
        foreach (var (name, value) in details)
        {
            switch (value)
            {
                case int number: mark.Set(name, number); break;
                case string text: mark.Set(name, text.Length > 1000 ? text[..1000] : text); break;
            }
        }
        return mark;
    }

    private static TableRow ToRow(SnsEnvelope envelope, string raw, DateTimeOffset receivedAt)
    {
        var row = new TableRow(PartitionKey(envelope.MessageId), RowKey(envelope.MessageId));
        row.Set(ItemType.PropertyName, ItemType.WebhookEvent);
        row.Set("source", "sns");
        row.Set("stage", StageReceived);
        row.Set("messageId", envelope.MessageId);
        row.Set("snsType", envelope.Type);
        row.Set("topicArn", envelope.TopicArn);
        row.Set("snsTimestamp", envelope.Timestamp);
        row.Set("receivedAt", receivedAt);
        TextParts.Set(row, "raw", raw, MaxRawParts);
        return row;
    }

    public async ValueTask DisposeAsync()
    {
        await _commit.DisposeAsync();
        await _marks.DisposeAsync();
    }
}
