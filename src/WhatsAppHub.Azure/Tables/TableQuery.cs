namespace WhatsAppHub.Azure.Tables;

/// <summary>One page request of a table query.</summary>
public sealed class TableQuery
{
    /// <summary>Only rows of this partition (ANDed with <see cref="Filter"/>).</summary>
    public string? PartitionKey { get; init; }

    /// <summary>A raw OData <c>$filter</c>, e.g. <c>RowKey ge 'a' and Status eq 'sent'</c>. Build literals with <see cref="TableFilter"/>.</summary>
    public string? Filter { get; init; }

    /// <summary>The page size (1-1000). The service may return fewer rows and a continuation.</summary>
    public int? Top { get; init; }

    /// <summary>The properties to return (keys, Timestamp and ETag always come back).</summary>
    public IReadOnlyList<string>? Select { get; init; }

    /// <summary>Where the previous page stopped.</summary>
    public TableContinuation? Continuation { get; init; }

    /// <summary>The <c>$filter</c> actually sent: the partition condition ANDed with <see cref="Filter"/>.</summary>
    public string? BuildFilter()
    {
        string? partition = PartitionKey is null ? null : TableFilter.Equal("PartitionKey", PartitionKey);
        return (partition, string.IsNullOrWhiteSpace(Filter) ? null : Filter) switch
        {
            (null, null) => null,
            (string p, null) => p,
            (null, string f) => f,
            (string p, string f) => $"{p} and ({f})",
        };
    }
}
