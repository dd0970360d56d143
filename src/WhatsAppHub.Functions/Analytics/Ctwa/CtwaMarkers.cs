using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// A contact's once-only markers in the <c>Analytics</c> table (<see cref="CtwaKeys.MarkerPartition"/>): their first
/// message from each ad, their first reply, their conversion. A marker is inserted if absent and only the insert that
/// made it counts, like <see cref="ReplyCounter"/>'s, so repeats of a webhook, racing instances and retries count once.
/// </summary>
public sealed class CtwaMarkers(TableService tables)
{
    private readonly ITableStore _table = tables.GetTable(HubTables.Analytics);

    /// <summary>True only for the call that wrote the marker.</summary>
    public Task<bool> MarkAsync(string phoneNumberId, string waId, string rowKey, IEnumerable<(string Name, object? Value)> values,
        CancellationToken cancellationToken)
    {
        var row = new TableRow(CtwaKeys.MarkerPartition(phoneNumberId, waId), rowKey);
        row.Set("phoneNumberId", phoneNumberId);
        row.Set("waId", waId);
        foreach (var (name, value) in values) row.Set(name, value);
        return _table.InsertIfAbsentAsync(row, cancellationToken);
    }

    public Task<TableRow?> GetAsync(string phoneNumberId, string waId, string rowKey, CancellationToken cancellationToken) =>
        _table.GetAsync(CtwaKeys.MarkerPartition(phoneNumberId, waId), rowKey, cancellationToken);
}
