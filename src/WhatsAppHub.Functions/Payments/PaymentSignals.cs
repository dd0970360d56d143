using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Workflows.Payments;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// Hands a payment status webhook (statuses[] with type payment) to the payment's workflow: the reference row names
/// the payment, whose workflow waits on <see cref="PaymentRequestWorkflow.PaymentKey"/>. A reference the hub never
/// sent is someone else's order (or a test): nothing to signal.
/// </summary>
public sealed class PaymentSignals(PaymentStore store, WorkflowRunner runner, ILogger<PaymentSignals> logger)
{
    /// <returns>True when a waiting workflow was signalled.</returns>
    public async Task<bool> ApplyAsync(PaymentStatus payment, CancellationToken cancellationToken)
    {
        if (await store.FindByReferenceAsync(payment.ReferenceId, cancellationToken) is not { } paymentId)
        {
            logger.LogInformation("Payment status {Status} for reference {ReferenceId}, which no hub payment sent", payment.Status, payment.ReferenceId);
            return false;
        }
        var signalled = await SignalAsync(paymentId, PaymentRequestWorkflow.EventPayload(payment.Status, payment.ReferenceId, payment.Transaction?.Id,
            payment.Amount, payment.Transaction?.ErrorReason, "webhook"), cancellationToken);
        // Money taken after the order was closed (expired, or failed out) needs a person: a refund or a late fulfilment.
        if (!signalled && payment.Status == Core.Payments.PaymentStatuses.Captured)
            logger.LogWarning("Payment {PaymentId} was captured on {ReferenceId} after its order closed; reconcile it with the gateway", paymentId,
                payment.ReferenceId);
        return signalled;
    }

    /// <summary>Signals the payment's workflow; false when it waits for nothing (finished, or not started).</summary>
    public async Task<bool> SignalAsync(string paymentId, System.Text.Json.Nodes.JsonObject payload, CancellationToken cancellationToken)
    {
        var woken = await runner.SignalAsync(PaymentRequestWorkflow.PaymentKey(paymentId), PaymentRequestWorkflow.PaymentEvent, payload, cancellationToken);
        logger.LogInformation("Payment {PaymentId}: {Status} from {Source} signalled {Count} workflow(s)", paymentId, (string?)payload["status"],
            (string?)payload["source"], woken);
        return woken > 0;
    }
}
