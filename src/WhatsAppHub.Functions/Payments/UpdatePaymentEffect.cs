using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Workflows.Payments;
using WhatsAppHub.Functions.Analytics.Ctwa;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// The <c>update-payment</c> effect of the PaymentRequest workflow: writes where the PAYMENT stands. It writes the same
/// values however often the step repeats, so it needs no record of its own to stay exactly-once in effect. A capture is
/// also the contact's Click-to-WhatsApp conversion when they came from an ad (counted once per contact however often).
/// </summary>
public sealed class UpdatePaymentEffect(PaymentStore store, CtwaConversions ctwa, TimeProvider clock, ILogger<UpdatePaymentEffect> logger) : IWorkflowEffect
{
    public string Kind => PaymentRequestWorkflow.UpdatePayment;

    public async Task<WorkflowEffectResult> RunAsync(string effectId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (Text(payload, "paymentId") is not { } paymentId || Text(payload, "status") is not { } status || Text(payload, "referenceId") is not { } reference)
            return new WorkflowEffectResult(false, "The effect names no payment, status or reference.");
        var attempt = payload["attempt"] is JsonValue a && a.TryGetValue<long>(out var n) ? (int)n : 1;
        var updated = await store.UpdateStatusAsync(paymentId, status, reference, attempt, (payload["event"] as JsonObject)?.ToJsonString(),
            clock.GetUtcNow(), cancellationToken);
        if (updated && status == PaymentStatuses.Captured) await CountConversionAsync(paymentId, cancellationToken);
        return updated ? new WorkflowEffectResult(true, status) : new WorkflowEffectResult(false, $"No payment {paymentId}.");
    }

    /// <summary>Analytics only: a count that cannot be made is logged, never a reason to fail the payment's step.</summary>
    private async Task CountConversionAsync(string paymentId, CancellationToken cancellationToken)
    {
        try
        {
            if (await store.GetAsync(paymentId, cancellationToken) is not { } payment) return;
            await ctwa.RecordAsync(payment.PhoneNumberId, RecipientRules.ToWaId(payment.To), CtwaConversions.Payment, clock.GetUtcNow(), paymentId,
                payment.Total / 100.0, "INR", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The capture of payment {PaymentId} was not counted as a Click-to-WhatsApp conversion: {Reason}", paymentId, e.Message);
        }
    }

    private static string? Text(JsonObject obj, string name) => obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
