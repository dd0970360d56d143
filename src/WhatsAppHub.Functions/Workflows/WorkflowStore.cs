using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// Instance rows and correlation rows in the <c>Workflows</c> table (<see cref="WorkflowKeys"/>). Every change of an
/// instance is a replace with <c>If-Match</c>: of two transitions racing for one step, one wins and the other learns it.
/// </summary>
public sealed class WorkflowStore(TableService tables)
{
    private static readonly string[] ListColumns =
        ["instanceId", "workflowType", "status", "step", "waitKey", "wakeAt", "outcome", "createdAt", "updatedAt"];

    private readonly ITableStore _table = tables.GetTable(HubTables.Workflows);

    /// <summary>The instance with this id, or null (also for an id that is not well formed: it names no instance).</summary>
    public async Task<WorkflowInstance?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!WorkflowIds.TryParse(id, out var type, out _)) return null;
        var row = await _table.GetAsync(WorkflowKeys.InstancePartition(type), WorkflowKeys.InstanceRowKey(id), cancellationToken);
        return row is null ? null : WorkflowInstance.FromRow(row);
    }

    /// <summary>False when an instance with this id exists already.</summary>
    public Task<bool> InsertAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(instance.ToRow(), cancellationToken);

    /// <summary>Replaces the row read as <paramref name="instance"/>; null when it changed since (someone else moved it on).</summary>
    public async Task<WorkflowInstance?> ReplaceAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        try
        {
            var etag = await _table.UpdateAsync(instance.ToRow(), instance.ETag!, TableUpdateMode.Replace, cancellationToken);
            return instance with { ETag = etag };
        }
        catch (TableConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>A page of instances of one type (or all), optionally of one status; without history or state.</summary>
    public async Task<(IReadOnlyList<WorkflowInstance> Items, TableContinuation? Continuation)> ListAsync(
        string? type, string? status, int limit, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (type is null) filters.Add(TableFilter.StartsWith("PartitionKey", WorkflowKeys.InstancePartitionPrefix));
        if (status is not null) filters.Add(TableFilter.Equal("status", status));
        var page = await _table.QueryAsync(new TableQuery
        {
            PartitionKey = type is null ? null : WorkflowKeys.InstancePartition(type),
            Filter = filters.Count == 0 ? null : string.Join(" and ", filters.Select(f => $"({f})")),
            Top = limit,
            Select = ListColumns,
            Continuation = continuation,
        }, cancellationToken);
        return (page.Rows.Select(WorkflowInstance.FromRow).ToList(), page.Continuation);
    }

    /// <summary>Records that <paramref name="instanceId"/> waits at <paramref name="step"/> for an event on <paramref name="correlationKey"/>.</summary>
    public Task PutWaitAsync(string correlationKey, string instanceId, long step, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new TableRow(WorkflowKeys.WaitPartition(correlationKey), WorkflowKeys.InstanceRowKey(instanceId));
        row.Set(ItemType.PropertyName, WorkflowKeys.WaitItemType);
        row.Set("instanceId", instanceId);
        row.Set("correlationKey", correlationKey);
        row.Set("step", step);
        row.Set("createdAt", now);
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Best effort: a correlation row left behind names a step the instance has left, so its signal is dropped as stale.</summary>
    public Task DeleteWaitAsync(string correlationKey, string instanceId, CancellationToken cancellationToken) =>
        _table.DeleteAsync(WorkflowKeys.WaitPartition(correlationKey), WorkflowKeys.InstanceRowKey(instanceId), "*", cancellationToken);

    /// <summary>The instances waiting on <paramref name="correlationKey"/>, each with the step it waits at.</summary>
    public async Task<IReadOnlyList<(string InstanceId, long Step)>> ListWaitersAsync(string correlationKey, CancellationToken cancellationToken)
    {
        var rows = await _table.QueryAllAsync(new TableQuery
        {
            PartitionKey = WorkflowKeys.WaitPartition(correlationKey),
            Select = ["instanceId", "step"],
        }, cancellationToken);
        return rows.Select(r => (r.GetString("instanceId") ?? StorageKey.Unescape(r.RowKey), r.GetInt64("step") ?? 0)).ToList();
    }
}
