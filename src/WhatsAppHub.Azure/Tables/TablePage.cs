namespace WhatsAppHub.Azure.Tables;

/// <summary>One page of query results, in PartitionKey then RowKey order.</summary>
public sealed class TablePage
{
    public TablePage(IReadOnlyList<TableRow> rows, TableContinuation? continuation)
    {
        Rows = rows;
        Continuation = continuation;
    }

    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Where to continue, or null on the last page. A page can be empty and still have one.</summary>
    public TableContinuation? Continuation { get; }
}
