using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// One workflow instance as stored: status, step (transitions so far; a queue message naming another step is stale),
/// state, what it waits for and until when, and the newest <see cref="MaxHistory"/> transitions.
/// </summary>
/// <param name="StartKey">What started this run (an inbound wamid): the same start again changes nothing.</param>
public sealed record WorkflowInstance(
    string Id,
    string Type,
    string Status,
    long Step,
    JsonObject State,
    string? WaitKey,
    DateTimeOffset? WakeAt,
    string? Outcome,
    string? StartKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<JsonObject> History,
    int HistoryDropped,
    string? ETag)
{
    public const int MaxHistory = 25;
    private const int MaxStateParts = 8;
    private const int MaxHistoryParts = 2;

    /// <summary>The history with <paramref name="entry"/> added, the oldest entries dropped past <see cref="MaxHistory"/>.</summary>
    public WorkflowInstance WithHistory(JsonObject entry)
    {
        var history = History.Append(entry).ToList();
        var dropped = Math.Max(0, history.Count - MaxHistory);
        return this with { History = history.Skip(dropped).ToList(), HistoryDropped = HistoryDropped + dropped };
    }

    public TableRow ToRow()
    {
        var row = new TableRow(WorkflowKeys.InstancePartition(Type), WorkflowKeys.InstanceRowKey(Id)) { ETag = ETag };
        row.Set(ItemType.PropertyName, WorkflowKeys.ItemType);
        row.Set("instanceId", Id);
        row.Set("workflowType", Type);
        row.Set("status", Status);
        row.Set("step", Step);
        TextParts.Set(row, "state", State.ToJsonString(), MaxStateParts);
        if (WaitKey is not null) row.Set("waitKey", WaitKey);
        if (WakeAt is not null) row.Set("wakeAt", WakeAt.Value);
        if (Outcome is not null) row.Set("outcome", Outcome);
        if (StartKey is not null) row.Set("startKey", StartKey);
        row.Set("createdAt", CreatedAt);
        row.Set("updatedAt", UpdatedAt);
        TextParts.Set(row, "history", new JsonArray(History.Select(h => (JsonNode)h.DeepClone()).ToArray()).ToJsonString(), MaxHistoryParts);
        row.Set("historyDropped", HistoryDropped);
        return row;
    }

    public static WorkflowInstance FromRow(TableRow row)
    {
        var (state, _) = TextParts.Get(row, "state");
        var (history, _) = TextParts.Get(row, "history");
        return new WorkflowInstance(
            Id: row.GetString("instanceId") ?? StorageKey.Unescape(row.RowKey),
            Type: row.GetString("workflowType") ?? "",
            Status: row.GetString("status") ?? "",
            Step: row.GetInt64("step") ?? 0,
            State: Parse(state) as JsonObject ?? [],
            WaitKey: row.GetString("waitKey"),
            WakeAt: row.GetDateTimeOffset("wakeAt"),
            Outcome: row.GetString("outcome"),
            StartKey: row.GetString("startKey"),
            CreatedAt: row.GetDateTimeOffset("createdAt") ?? default,
            UpdatedAt: row.GetDateTimeOffset("updatedAt") ?? default,
            History: (Parse(history) as JsonArray ?? []).OfType<JsonObject>().Select(h => h.DeepClone().AsObject()).ToList(),
            HistoryDropped: row.GetInt32("historyDropped") ?? 0,
            ETag: row.ETag);
    }

    /// <summary>Text that was trimmed when stored does not parse: it reads as empty rather than failing every reader.</summary>
    private static JsonNode? Parse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
