using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// A payment as the routes show it: amounts in paise (offset 100), where it stands, and, when one payment is read, the
/// messages its workflow sent (newest last) and the workflow's history.
/// </summary>
public sealed record PaymentView(
    string Id,
    string Status,
    string To,
    string PhoneNumberId,
    string WabaId,
    string ConfigurationName,
    string Gateway,
    string ReferenceId,
    string CurrentReference,
    int Attempt,
    int MaxAttempts,
    string Currency,
    long Subtotal,
    long Tax,
    long? Shipping,
    long? Discount,
    long Total,
    int ExpiresInSeconds,
    int ReminderSeconds,
    JsonNode? LastEvent,
    string WorkflowId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    WorkflowView? Workflow,
    IReadOnlyList<PaymentMessageView>? Messages)
{
    public static PaymentView From(PaymentRecord p, WorkflowInstance? workflow = null, bool full = false) => new(p.Id, p.Status, p.To, p.PhoneNumberId,
        p.WabaId, p.ConfigurationName, p.Gateway, p.ReferenceId, p.CurrentReference, p.Attempt, p.MaxAttempts, "INR", p.Subtotal, p.Tax, p.Shipping,
        p.Discount, p.Total, p.ExpiresInSeconds, p.ReminderSeconds, p.LastEventJson is null ? null : JsonNode.Parse(p.LastEventJson), p.WorkflowId,
        p.CreatedAt, p.UpdatedAt, full && workflow is not null ? WorkflowView.From(workflow, full: true) : null,
        full ? SentMessages(workflow) : null);

    /// <summary>The messages the workflow accepted, from its history: each send effect's result is the hub's message id.</summary>
    private static List<PaymentMessageView> SentMessages(WorkflowInstance? workflow)
    {
        var sent = new List<PaymentMessageView>();
        if (workflow is null) return sent;
        foreach (var entry in workflow.History)
        {
            if (entry["effects"] is not JsonArray effects) continue;
            foreach (var effect in effects.OfType<JsonObject>())
            {
                if ((string?)effect["kind"] != SendMessageEffect.Name) continue;
                var ok = effect["ok"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
                sent.Add(new PaymentMessageView(ok ? (string?)effect["result"] : null, (string?)entry["trigger"] ?? "", (string?)entry["at"] ?? "",
                    ok ? null : (string?)effect["result"]));
            }
        }
        return sent;
    }
}

/// <param name="MessageId">The hub's message id (<c>GET /api/messages/{id}</c>), when the send was accepted.</param>
/// <param name="Trigger">What made the workflow send it: start, event:payment, timer.</param>
/// <param name="Refused">Why the send was refused (a closed service window, …).</param>
public sealed record PaymentMessageView(string? MessageId, string Trigger, string At, string? Refused);

/// <summary>One page of <c>GET /api/payments</c>; pass <see cref="Continuation"/> back as <c>?continuation=</c> for the next.</summary>
public sealed record PaymentListView(IReadOnlyList<PaymentView> Items, string? Continuation);
