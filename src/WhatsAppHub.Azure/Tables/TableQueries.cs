namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// Queries longer than one page. Table Storage answers at most 1,000 rows a page and may cut a page short (five
/// seconds of work, a partition boundary) with a continuation even when more rows match, so a page that holds fewer
/// rows than asked for is not the end: only a missing continuation is.
/// </summary>
public static class TableQueries
{
    /// <summary>Every row <paramref name="query"/> matches, from its continuation on.</summary>
    public static async Task<List<TableRow>> QueryAllAsync(this ITableStore table, TableQuery query, CancellationToken ct = default)
    {
        var rows = new List<TableRow>();
        var continuation = query.Continuation;
        do
        {
            var page = await table.QueryAsync(Page(query, query.Top, continuation), ct);
            rows.AddRange(page.Rows);
            continuation = page.Continuation;
        } while (continuation is not null);
        return rows;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> rows from the query's continuation on, following the continuations of pages cut
    /// short; the continuation to go on from is null when no row is left.
    /// </summary>
    public static async Task<(List<TableRow> Rows, TableContinuation? Continuation)> QueryUpToAsync(this ITableStore table, TableQuery query, int limit,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var rows = new List<TableRow>();
        var continuation = query.Continuation;
        do
        {
            var page = await table.QueryAsync(Page(query, limit - rows.Count, continuation), ct);
            rows.AddRange(page.Rows);
            continuation = page.Continuation;
        } while (continuation is not null && rows.Count < limit);
        return (rows, continuation);
    }

    private static TableQuery Page(TableQuery query, int? top, TableContinuation? continuation) => new()
    {
        PartitionKey = query.PartitionKey,
        Filter = query.Filter,
        Top = top,
        Select = query.Select,
        Continuation = continuation,
    };
}
