using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// Counter rows and reply markers in the <c>Analytics</c> table (<see cref="OutcomeKeys"/>). A counter row is changed
/// only by a read and a write under its ETag, so concurrent writers (instances flushing at the same moment) never
/// overwrite each other's counts: the one that loses tries another shard of the same day.
/// </summary>
public sealed class OutcomeStore(TableService tables)
{
    /// <summary>Compare-and-swap rounds before a write gives up (and its counts wait for the next flush).</summary>
    private const int MaxAttempts = 8;

    private readonly ITableStore _table = tables.GetTable(HubTables.Analytics);

    /// <summary>Adds counts to one of the day's shard rows of a scope.</summary>
    internal async Task AddAsync(string partitionKey, DateOnly day, OutcomeDeltas deltas, CancellationToken cancellationToken)
    {
        var shard = Random.Shared.Next(OutcomeKeys.Shards);
        for (var attempt = 1; ; attempt++, shard = (shard + 1) % OutcomeKeys.Shards)
        {
            var rowKey = OutcomeKeys.RowKey(partitionKey, day, shard);
            var row = await _table.GetAsync(partitionKey, rowKey, cancellationToken);
            if (row is null)
            {
                row = new TableRow(partitionKey, rowKey);
                row.Set("day", OutcomeKeys.DayKey(day));
                deltas.AddTo(row);
                if (await _table.InsertIfAbsentAsync(row, cancellationToken)) return;
            }
            else
            {
                deltas.AddTo(row);
                try
                {
                    await _table.UpdateAsync(row, row.ETag!, TableUpdateMode.Replace, cancellationToken);
                    return;
                }
                catch (TableConcurrencyException) when (attempt < MaxAttempts)
                {
                    // another instance added to this shard meanwhile: take the next one
                }
            }
            if (attempt >= MaxAttempts) throw new InvalidOperationException($"Counter row {partitionKey} {rowKey} kept changing.");
        }
    }

    /// <summary>
    /// The counts of the partitions <paramref name="partitionFilter"/> selects, from <paramref name="from"/> to
    /// <paramref name="to"/> (UTC days, both included), summed per day over shards (and partitions).
    /// </summary>
    internal async Task<OutcomeCounts> ReadAsync(string partitionFilter, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = new SortedDictionary<DateOnly, OutcomeDeltas>();
        await ForEachRowAsync(partitionFilter, from, to, (row, day) =>
        {
            if (!days.TryGetValue(day, out var sum)) days[day] = sum = new OutcomeDeltas();
            sum.Add(OutcomeDeltas.From(row));
        }, cancellationToken);
        var list = days.Where(d => !d.Value.IsEmpty).Select(d => new OutcomeDay(d.Key, d.Value.ToTally())).ToList();
        return new OutcomeCounts(list, list.Aggregate(OutcomeTally.Zero, (total, d) => total.Plus(d.Counts)));
    }

    /// <summary>The counts of each partition <paramref name="partitionFilter"/> selects, summed over the days (and shards) of the range.</summary>
    internal async Task<IReadOnlyDictionary<string, OutcomeDeltas>> ReadByPartitionAsync(string partitionFilter, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        var partitions = new Dictionary<string, OutcomeDeltas>(StringComparer.Ordinal);
        await ForEachRowAsync(partitionFilter, from, to, (row, _) =>
        {
            if (!partitions.TryGetValue(row.PartitionKey, out var sum)) partitions[row.PartitionKey] = sum = new OutcomeDeltas();
            sum.Add(OutcomeDeltas.From(row));
        }, cancellationToken);
        return partitions;
    }

    private async Task ForEachRowAsync(string partitionFilter, DateOnly from, DateOnly to, Action<TableRow, DateOnly> add, CancellationToken cancellationToken)
    {
        var upper = to == DateOnly.MaxValue ? "99999999" : OutcomeKeys.DayKey(to.AddDays(1));
        var query = new TableQuery { Filter = $"{partitionFilter} and {TableFilter.Range("RowKey", OutcomeKeys.DayKey(from), upper)}", Top = 1000 };
        while (true)
        {
            var page = await _table.QueryAsync(query, cancellationToken);
            foreach (var row in page.Rows)
                if (OutcomeKeys.DayOf(row.RowKey) is { } day) add(row, day);
            if (page.Continuation is null) break;
            query = new TableQuery { Filter = query.Filter, Top = query.Top, Continuation = page.Continuation };
        }
    }

    /// <summary>Marks a message as replied to; true only for the first call (insert-if-absent), so a reply counts once.</summary>
    public Task<bool> MarkRepliedAsync(string messageId, string replyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = new TableRow(OutcomeKeys.ReplyPartition(messageId), OutcomeKeys.ReplyRowKey(messageId));
        row.Set("messageId", messageId);
        row.Set("replyMessageId", replyId);
        row.Set("repliedAt", at);
        return _table.InsertIfAbsentAsync(row, cancellationToken);
    }
}
