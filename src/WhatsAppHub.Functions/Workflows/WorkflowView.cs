using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// An instance as the API shows it; <see cref="State"/> and <see cref="History"/> (newest last) only when one instance
/// is read. The state of a welcome sequence holds the contact's number: it is the caller's own data, behind the key.
/// </summary>
public sealed record WorkflowView(
    string Id,
    string Type,
    string Status,
    long Step,
    string? WaitingFor,
    DateTimeOffset? WakeAt,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JsonObject? State,
    IReadOnlyList<JsonObject>? History,
    int? HistoryDropped)
{
    public static WorkflowView From(WorkflowInstance i, bool full) => new(i.Id, i.Type, i.Status, i.Step, i.WaitKey, i.WakeAt, i.Outcome,
        i.CreatedAt, i.UpdatedAt, full ? i.State : null, full ? i.History : null, full ? i.HistoryDropped : null);
}

/// <summary>One page of <c>GET /api/workflows</c>; pass <see cref="Continuation"/> back as <c>?continuation=</c> for the next.</summary>
public sealed record WorkflowListView(IReadOnlyList<WorkflowView> Items, string? Continuation);
