using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Events;

/// <summary>
/// The event history: one WEBHOOK_EVENT row per <see cref="HubEvent"/> in the <c>Events</c> table, keyed by account, UTC
/// day and shard, newest first (<see cref="EventKeys"/>). Rows of one partition are written in entity group transactions;
/// a transaction fails whole when one of its rows exists (a redelivery), and then its rows go one by one, insert-if-absent,
/// so duplicates fold and the new rows are still stored. Rows of deliveries handled at about the same time (the inbound
/// worker's concurrent queue messages) go by group commit, so a transaction carries the events of many deliveries.
/// </summary>
public sealed class WebhookEventStore : IAsyncDisposable
{
    /// <summary>An entity group transaction takes up to 100 rows …</summary>
    public const int MaxBatch = 100;

    /// <summary>… and 4 MiB of payload; batches are cut below that by the rows' estimated size.</summary>
    private const long MaxBatchBytes = 3L * 1024 * 1024;

    /// <summary>The event JSON in 32K-character parts; 12 parts keep the row under 1 MB with its other properties.</summary>
    public const int MaxDataParts = 12;

    /// <summary>Index properties (type, ids) are trimmed to this; the data keeps every value whole.</summary>
    private const int MaxIndexLength = 1024;

    private const int MaxIdLength = TableRowLimits.MaxStringLength / 2;

    private readonly ITableStore _table;
    private readonly GroupCommit<TableRow, bool> _inserts;

    public WebhookEventStore(TableService tables)
    {
        _table = tables.GetTable(HubTables.Events);
        _inserts = new GroupCommit<TableRow, bool>(MaxBatch * EventKeys.Shards, FlushAsync);
    }

    /// <summary>Stores each event once; an event stored before (same id and time) is left as it is.</summary>
    public Task InsertAllAsync(IReadOnlyList<HubEvent> events, string snsMessageId, DateTimeOffset storedAt, CancellationToken cancellationToken) =>
        InsertAllAsync(events.Select(e => (e, snsMessageId)).ToList(), storedAt, cancellationToken);

    /// <summary>
    /// Stores the events of several deliveries handled together (the inbound worker's queue message): their rows share
    /// a few partitions (account, day, shard), so one transaction per partition stores them all, with those of the
    /// other deliveries being recorded at the same time.
    /// </summary>
    public Task InsertAllAsync(IReadOnlyList<(HubEvent Event, string SnsMessageId)> events, DateTimeOffset storedAt, CancellationToken cancellationToken) =>
        Task.WhenAll(events.Select(e => _inserts.SubmitAsync(ToRow(e.Event, e.SnsMessageId, storedAt)))).WaitAsync(cancellationToken);

    private async Task FlushAsync(IReadOnlyList<GroupCommit<TableRow, bool>.Pending> pending)
    {
        // The same event twice (a duplicate queue message handled alongside) is one row; both callers learn its outcome.
        await Task.WhenAll(pending.GroupBy(p => p.Item.PartitionKey, StringComparer.Ordinal).Select(async partition =>
        {
            try
            {
                foreach (var batch in Batches(partition.Select(p => p.Item).DistinctBy(r => r.RowKey, StringComparer.Ordinal)))
                    await InsertBatchAsync(batch, CancellationToken.None);
                foreach (var p in partition) p.Done.TrySetResult(true);
            }
            catch (Exception e)
            {
                foreach (var p in partition) p.Done.TrySetException(e);
            }
        }));
    }

    public ValueTask DisposeAsync() => _inserts.DisposeAsync();

    /// <summary>
    /// One page of the account's history, newest first. Each UTC day's shards are read side by side and merged by
    /// RowKey (time first, so the order is global); days are read newest first until the page is full. The continuation
    /// is the keys of the last row returned: the next page starts after its RowKey, which no shard's order depends on.
    /// </summary>
    public async Task<(IReadOnlyList<TableRow> Rows, TableContinuation? Continuation)> ListAsync(EventListQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Filter();
        var page = new List<TableRow>(query.Limit);
        var more = false;
        foreach (var day in query.Days())
        {
            var needed = query.Limit - page.Count;
            // needed + 1 rows per shard tell whether anything is left after a full page.
            var shards = await Task.WhenAll(Enumerable.Range(0, EventKeys.Shards).Select(shard =>
                ReadAsync(EventKeys.WebhookEventPartition(query.Waba, day, shard), filter, needed + 1, cancellationToken)));
            var merged = shards.SelectMany(rows => rows)
                .Where(r => query.TypePattern is null || Core.Inbound.HubEventTypes.Matches(query.TypePattern, r.GetString("type") ?? ""))
                .OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
            page.AddRange(merged.Take(needed));
            if (page.Count < query.Limit) continue;
            more = merged.Count > needed || day.UtcDateTime.Date > query.From.UtcDateTime.Date;
            break;
        }
        var last = page.Count > 0 ? page[^1] : null;
        return (page, more && last is not null ? new TableContinuation(last.PartitionKey, last.RowKey) : null);
    }

    /// <summary>Up to <paramref name="wanted"/> rows of one partition, in key order (following the service's continuations).</summary>
    private async Task<List<TableRow>> ReadAsync(string partitionKey, string filter, int wanted, CancellationToken cancellationToken)
    {
        var rows = new List<TableRow>();
        TableContinuation? continuation = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery
            {
                PartitionKey = partitionKey, Filter = filter, Top = Math.Min(1000, wanted - rows.Count), Continuation = continuation,
            }, cancellationToken);
            rows.AddRange(page.Rows);
            continuation = page.Continuation;
        }
        while (continuation is not null && rows.Count < wanted);
        return rows;
    }

    private async Task InsertBatchAsync(IReadOnlyList<TableRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count > 1)
        {
            try
            {
                await _table.SubmitBatchAsync(batch.Select(TableBatchAction.Insert).ToList(), cancellationToken);
                return;
            }
            catch (TableBatchException e) when (e.Status == 409)
            {
                // One of them exists already (the event was delivered before): store the others one by one.
            }
        }
        foreach (var row in batch) await _table.InsertIfAbsentAsync(row, cancellationToken);
    }

    private static IEnumerable<IReadOnlyList<TableRow>> Batches(IEnumerable<TableRow> rows)
    {
        var batch = new List<TableRow>();
        long bytes = 0;
        foreach (var row in rows)
        {
            var size = TableRowLimits.EstimateSize(row);
            if (batch.Count > 0 && (batch.Count == MaxBatch || bytes + size > MaxBatchBytes))
            {
                yield return batch;
                batch = [];
                bytes = 0;
            }
            batch.Add(row);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }

    private static TableRow ToRow(HubEvent e, string snsMessageId, DateTimeOffset storedAt)
    {
        var row = new TableRow(EventKeys.WebhookEventPartition(e.WabaId, e.OccurredAt, e.Id), EventKeys.WebhookEventRowKey(e.OccurredAt, e.Id));
        row.Set(ItemType.PropertyName, ItemType.WebhookEvent);
        row.Set("eventId", e.Id.Length > MaxIdLength ? e.Id[..MaxIdLength] : e.Id); // whole unless no string property could hold it
        row.Set("type", Index(e.Type));
        row.Set("occurredAt", e.OccurredAt);
        row.Set("wabaId", Index(e.WabaId));
        row.Set("phoneNumberId", Index(e.PhoneNumberId));
        row.Set("waId", Index(e.WaId));
        row.Set("snsMessageId", Index(snsMessageId));
        row.Set("storedAt", storedAt);
        TextParts.Set(row, "data", e.DataJson, MaxDataParts);
        return row;
    }

    private static string? Index(string? value) => value is { Length: > MaxIndexLength } ? value[..MaxIndexLength] : value;
}
