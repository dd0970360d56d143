using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// TEMPLATE_DEFINITION rows in the <c>Templates</c> table (<see cref="TemplateKeys"/>). Every change is read, changed and
/// written back with <c>If-Match</c>, retried on a conflict, so a webhook and an API call that meet never lose each
/// other's facts.
/// </summary>
public sealed class TemplateStore(TableService tables)
{
    private const int MaxAttempts = 5;

    private readonly ITableStore _table = tables.GetTable(HubTables.Templates);

    public Task<TableRow?> GetAsync(string wabaId, string name, string language, CancellationToken cancellationToken) =>
        _table.GetAsync(TemplateKeys.Partition(wabaId), TemplateKeys.Row(name, language), cancellationToken);

    /// <summary>Every language of one name.</summary>
    public async Task<IReadOnlyList<TableRow>> LanguagesAsync(string wabaId, string name, CancellationToken cancellationToken) =>
        await _table.QueryAllAsync(new TableQuery
        {
            PartitionKey = TemplateKeys.Partition(wabaId),
            Filter = TableFilter.StartsWith("RowKey", TemplateKeys.NamePrefix(name)),
        }, cancellationToken);

    /// <summary>Every template of the WABA, by name then language.</summary>
    public async Task<IReadOnlyList<TableRow>> AllAsync(string wabaId, CancellationToken cancellationToken) =>
        await _table.QueryAllAsync(new TableQuery { PartitionKey = TemplateKeys.Partition(wabaId) }, cancellationToken);

    /// <summary>One page of the WABA's templates, by name then language, filtered on status, category and language.</summary>
    public async Task<(IReadOnlyList<TableRow> Rows, TableContinuation? Continuation)> ListAsync(string wabaId, TemplateListQuery query,
        CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (query.Status is not null) filters.Add(TableFilter.Equal("status", query.Status));
        if (query.Category is not null) filters.Add(TableFilter.Equal("category", query.Category));
        if (query.Language is not null) filters.Add(TableFilter.Equal("language", query.Language));
        if (query.NamePrefix is not null) filters.Add(TableFilter.StartsWith("RowKey", TemplateKeys.NamePrefix(query.NamePrefix)[..^1]));
        var page = await _table.QueryAsync(new TableQuery
        {
            PartitionKey = TemplateKeys.Partition(wabaId),
            Filter = filters.Count == 0 ? null : string.Join(" and ", filters),
            Top = query.Limit,
            Continuation = query.Continuation,
        }, cancellationToken);
        return (page.Rows, page.Continuation);
    }

    /// <summary>
    /// The row of Meta's template id, in any WABA. Template events name Meta's ids only, and are rare (a few a day), so
    /// a filtered scan of the table (at most a few thousand rows per WABA) serves them without an index row to keep.
    /// </summary>
    public async Task<TableRow?> FindByMetaIdAsync(string metaTemplateId, CancellationToken cancellationToken) =>
        (await _table.QueryUpToAsync(new TableQuery { Filter = TableFilter.Equal("metaTemplateId", metaTemplateId) }, 1, cancellationToken))
        .Rows.FirstOrDefault();

    /// <summary>The rows of a name and language in any WABA (an event without a template id).</summary>
    public async Task<IReadOnlyList<TableRow>> FindByNameAsync(string name, string language, CancellationToken cancellationToken) =>
        await _table.QueryAllAsync(new TableQuery { Filter = TableFilter.Equal("RowKey", TemplateKeys.Row(name, language)) }, cancellationToken);

    /// <summary>
    /// Reads the row, lets <paramref name="change"/> edit it (a new row when absent; return false to leave it alone), and
    /// writes it with insert-if-absent or <c>If-Match</c>; a row changed meanwhile is read again and the change re-applied.
    /// </summary>
    /// <returns>The row as written, or as read when nothing changed (null when absent and not created).</returns>
    public async Task<TableRow?> ChangeAsync(string partitionKey, string rowKey, Func<TableRow?, TableRow?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await _table.GetAsync(partitionKey, rowKey, cancellationToken);
            var changed = change(current);
            if (changed is null) return current;
            try
            {
                if (current is null)
                {
                    if (await _table.InsertIfAbsentAsync(changed, cancellationToken)) return changed;
                }
                else
                {
                    changed.ETag = await _table.UpdateAsync(changed, current.ETag!, TableUpdateMode.Replace, cancellationToken);
                    return changed;
                }
            }
            catch (TableConcurrencyException) when (attempt < MaxAttempts)
            {
                // Changed since it was read: read it again and re-apply the change.
            }
        }
        throw new TableConcurrencyException(null, null, $"The template row {rowKey} kept changing; {MaxAttempts} attempts failed.");
    }

    /// <summary>Deletes the row as read (its ETag); false when it changed or went meanwhile.</summary>
    public async Task<bool> DeleteAsync(TableRow row, CancellationToken cancellationToken)
    {
        try
        {
            return await _table.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag ?? "*", cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            return false;
        }
    }

    public Task<bool> DeleteAnyVersionAsync(TableRow row, CancellationToken cancellationToken) =>
        _table.DeleteAsync(row.PartitionKey, row.RowKey, "*", cancellationToken);
}
