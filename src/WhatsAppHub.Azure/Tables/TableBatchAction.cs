namespace WhatsAppHub.Azure.Tables;

/// <summary>What one action of an entity group transaction does.</summary>
public enum TableBatchActionKind
{
    /// <summary>Insert; fails the whole batch if the row exists.</summary>
    Insert,

    /// <summary>Insert or replace (PUT without If-Match).</summary>
    UpsertReplace,

    /// <summary>Insert or merge (MERGE without If-Match).</summary>
    UpsertMerge,

    /// <summary>Replace an existing row whose ETag matches.</summary>
    UpdateReplace,

    /// <summary>Merge into an existing row whose ETag matches.</summary>
    UpdateMerge,

    /// <summary>Delete a row whose ETag matches (<c>*</c> = any).</summary>
    Delete,
}

/// <summary>One action of <see cref="ITableStore.SubmitBatchAsync"/>.</summary>
public sealed class TableBatchAction
{
    private TableBatchAction(TableBatchActionKind kind, TableRow row, string? ifMatch)
    {
        Kind = kind;
        Row = row;
        IfMatch = ifMatch;
    }

    public TableBatchActionKind Kind { get; }

    /// <summary>The row written, or for a delete a row carrying only the keys.</summary>
    public TableRow Row { get; }

    /// <summary>The ETag the row must still have (updates and deletes).</summary>
    public string? IfMatch { get; }

    public static TableBatchAction Insert(TableRow row) => new(TableBatchActionKind.Insert, Require(row), null);

    public static TableBatchAction Upsert(TableRow row, TableUpdateMode mode) =>
        new(mode == TableUpdateMode.Merge ? TableBatchActionKind.UpsertMerge : TableBatchActionKind.UpsertReplace, Require(row), null);

    public static TableBatchAction Update(TableRow row, string ifMatch, TableUpdateMode mode)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return new(mode == TableUpdateMode.Merge ? TableBatchActionKind.UpdateMerge : TableBatchActionKind.UpdateReplace, Require(row), ifMatch);
    }

    public static TableBatchAction Delete(string partitionKey, string rowKey, string ifMatch = "*")
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return new(TableBatchActionKind.Delete, new TableRow(partitionKey, rowKey), ifMatch);
    }

    private static TableRow Require(TableRow row) => row ?? throw new ArgumentNullException(nameof(row));
}
