using System.Text.Json.Nodes;
using WhatsAppHub.Core.Workflows.Payments;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// The <c>update-payment</c> effect of the PaymentRequest workflow: writes where the PAYMENT stands. It writes the same
/// values however often the step repeats, so it needs no record of its own to stay exactly-once in effect.
/// </summary>
public sealed class UpdatePaymentEffect(PaymentStore store, TimeProvider clock) : IWorkflowEffect
{
    public string Kind => PaymentRequestWorkflow.UpdatePayment;

    public async Task<WorkflowEffectResult> RunAsync(string effectId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (Text(payload, "paymentId") is not { } paymentId || Text(payload, "status") is not { } status || Text(payload, "referenceId") is not { } reference)
            return new WorkflowEffectResult(false, "The effect names no payment, status or reference.");
        var attempt = payload["attempt"] is JsonValue a && a.TryGetValue<long>(out var n) ? (int)n : 1;
        var updated = await store.UpdateStatusAsync(paymentId, status, reference, attempt, (payload["event"] as JsonObject)?.ToJsonString(),
            clock.GetUtcNow(), cancellationToken);
        return updated ? new WorkflowEffectResult(true, status) : new WorkflowEffectResult(false, $"No payment {paymentId}.");
    }

    private static string? Text(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
