using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// One table of Table Storage. Service failures surface as <see cref="StorageRequestException"/>
/// (and its subtypes <see cref="TableConcurrencyException"/>, <see cref="TableBatchException"/>);
/// rows that break a storage limit are refused before sending with <see cref="TableRowValidationException"/>.
/// </summary>
public interface ITableStore
{
    string Name { get; }

    /// <summary>Creates the table; succeeds when it already exists.</summary>
    Task CreateIfNotExistsAsync(CancellationToken ct = default);

    /// <summary>Inserts the row unless one with its keys exists (then returns false and changes nothing). Sets <see cref="TableRow.ETag"/> on success.</summary>
    /// <remarks>
    /// If the pipeline retries after a lost response, the retry can meet the row its own first attempt
    /// wrote and report false. The row is stored either way, which is what dedupe needs; do not read
    /// false as "someone else's row" when that distinction matters - compare the content.
    /// </remarks>
    Task<bool> InsertIfAbsentAsync(TableRow row, CancellationToken ct = default);

    /// <summary>Inserts or overwrites (Replace) / merges into (Merge) the row, whatever its version. Returns and sets the new ETag.</summary>
    Task<string> UpsertAsync(TableRow row, TableUpdateMode mode, CancellationToken ct = default);

    /// <summary>Replaces or merges an existing row only while its ETag is <paramref name="ifMatch"/> (<c>*</c> = any version).</summary>
    /// <exception cref="TableConcurrencyException">The row changed since it was read (412).</exception>
    /// <exception cref="StorageRequestException">Status 404: the row does not exist.</exception>
    Task<string> UpdateAsync(TableRow row, string ifMatch, TableUpdateMode mode, CancellationToken ct = default);

    /// <summary>The row, or null when it does not exist.</summary>
    Task<TableRow?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default);

    /// <summary>Deletes the row; false when it did not exist.</summary>
    /// <exception cref="TableConcurrencyException">The row's ETag is no longer <paramref name="ifMatch"/>.</exception>
    Task<bool> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default);

    /// <summary>One page of rows in key order; follow <see cref="TablePage.Continuation"/> for the next.</summary>
    Task<TablePage> QueryAsync(TableQuery query, CancellationToken ct = default);

    /// <summary>
    /// An entity group transaction: up to 100 actions on distinct rows of one partition, applied all
    /// or none. Returns the new ETag of each action, in order ("" for deletes).
    /// </summary>
    /// <exception cref="TableBatchException">The service refused the batch; <see cref="TableBatchException.FailedActionIndex"/> names the action.</exception>
    Task<IReadOnlyList<string>> SubmitBatchAsync(IReadOnlyList<TableBatchAction> actions, CancellationToken ct = default);
}
