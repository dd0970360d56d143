using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>An ad click reported from outside (<c>track_ctwa_click</c>).</summary>
/// <param name="Id">The click's <c>ctwa_clid</c> when given, else an id the hub made.</param>
/// <param name="WabaId">The EUM account the ad sends contacts to.</param>
public sealed record CtwaClick(string Id, string WabaId, string SourceId, string? SourceType, string? CtwaClid, DateTimeOffset OccurredAt,
    string? Campaign, string? AdName, DateTimeOffset RecordedAt);

/// <summary>
/// CTWA_EVENT rows of kind <c>click</c> in the <c>Events</c> table: an ad's clicks newest first
/// (<see cref="CtwaKeys.ClickPartition"/>) and, for a click with a <c>ctwa_clid</c>, the click by its id
/// (<see cref="CtwaKeys.ClickIdPartition"/>), written first, insert-if-absent: the report of a click already recorded
/// changes nothing and answers the stored click.
/// </summary>
public sealed class CtwaClickStore(TableService tables)
{
    public const string Kind = "click";

    private readonly ITableStore _table = tables.GetTable(HubTables.Events);

    /// <summary>The stored click and whether this call recorded it (false: the same ctwa_clid was reported before).</summary>
    public async Task<(CtwaClick Click, bool Recorded)> RecordAsync(CtwaClick click, CancellationToken cancellationToken)
    {
        if (click.CtwaClid is { } clid && !await _table.InsertIfAbsentAsync(ToRow(CtwaKeys.ClickIdPartition(clid), CtwaKeys.ClickIdRowKey(clid), click), cancellationToken))
        {
            var stored = await _table.GetAsync(CtwaKeys.ClickIdPartition(clid), CtwaKeys.ClickIdRowKey(clid), cancellationToken) is { } row ? From(row) : click;
            // The first report may have stopped before its ad row (a crash): the repeat completes it.
            await _table.InsertIfAbsentAsync(ToRow(CtwaKeys.ClickPartition(stored.WabaId, stored.SourceId), CtwaKeys.ClickRowKey(stored.OccurredAt, stored.Id), stored), cancellationToken);
            return (stored, false);
        }
        await _table.InsertIfAbsentAsync(ToRow(CtwaKeys.ClickPartition(click.WabaId, click.SourceId), CtwaKeys.ClickRowKey(click.OccurredAt, click.Id), click), cancellationToken);
        return (click, true);
    }

    private static TableRow ToRow(string partitionKey, string rowKey, CtwaClick click)
    {
        var row = new TableRow(partitionKey, rowKey);
        row.Set(ItemType.PropertyName, ItemType.CtwaEvent);
        row.Set("kind", Kind);
        row.Set("clickId", click.Id);
        row.Set("wabaId", click.WabaId);
        row.Set("sourceId", click.SourceId);
        row.Set("sourceType", click.SourceType);
        row.Set("ctwaClid", click.CtwaClid);
        row.Set("occurredAt", click.OccurredAt);
        row.Set("campaign", click.Campaign);
        row.Set("adName", click.AdName);
        row.Set("recordedAt", click.RecordedAt);
        return row;
    }

    private static CtwaClick From(TableRow row) =>
        new(row.GetString("clickId") ?? string.Empty, row.GetString("wabaId") ?? string.Empty, row.GetString("sourceId") ?? string.Empty,
            row.GetString("sourceType"), row.GetString("ctwaClid"), row.GetDateTimeOffset("occurredAt") ?? default,
            row.GetString("campaign"), row.GetString("adName"), row.GetDateTimeOffset("recordedAt") ?? default);
}
