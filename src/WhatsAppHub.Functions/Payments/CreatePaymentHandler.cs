using System.Security.Cryptography;
using System.Text;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Core.Workflows.Payments;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// <c>create_payment_request</c>: checks the request (amounts add up, the configuration is the sending account's), claims
/// the order's references, stores the PAYMENT as pending and starts its <c>PaymentRequest</c> workflow, which sends the
/// order_details card. Each step can be repeated: the same request sent again (same body) resumes the same payment.
/// </summary>
public sealed class CreatePaymentHandler(
    PaymentStore payments,
    PaymentConfigStore configs,
    WabaResolver wabas,
    WorkflowRunner runner,
    HubOptions options,
    TimeProvider clock,
    ILogger<CreatePaymentHandler> logger)
{
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> HandleAsync(HttpRequest httpRequest, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(httpRequest, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var paymentId = PaymentStore.NewId();
        var (request, errors) = PaymentRequestRules.Read(body.Bytes.Span, () => paymentId);
        if (request is null) return HubProblems.Validation(errors);

        var sender = request.PhoneNumberId ?? options.Eum.DefaultPhoneNumberId;
        var (wabaId, problem) = await wabas.ForPhoneNumberAsync(sender, cancellationToken);
        if (problem is not null) return problem;
        var config = await configs.GetAsync(wabaId!, request.ConfigurationName, cancellationToken);
        if (config is null)
            return Refuse("$.configurationName", "unknown",
                $"The account {wabaId} has no payment configuration '{request.ConfigurationName}'; record it with POST /api/payments/configurations.");
        // UPI intent has no payment_settings shape the reference confirms, and no native payment status webhooks (§8.6).
        if (config.Config.Gateway == PaymentConfigRules.UpiIntent)
            return Refuse("$.configurationName", "gateway",
                $"'{request.ConfigurationName}' is a UPI intent configuration; the hub sends order_details through razorpay, payu, billdesk or zaakpay configurations.");

        var order = PaymentOrder.OrderDetails(request, config.Config.Gateway, request.ReferenceId, request.Body);
        // The message the workflow will send must pass the send rules now, not fail later in the queue.
        var (_, messageErrors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(order.ToJsonString()));
        if (messageErrors.Count > 0) return HubProblems.Validation(messageErrors);

        var hash = Convert.ToHexStringLower(SHA256.HashData(body.Bytes.Span));
        var references = Enumerable.Range(1, request.MaxAttempts).Select(n => PaymentOrder.ReferenceFor(request.ReferenceId, n)).ToList();
        if (await payments.ReserveReferencesAsync(paymentId, references, cancellationToken) is { } taken)
        {
            var owner = await payments.GetAsync(taken.Owner, cancellationToken);
            if (owner is null || owner.RequestHash != hash)
                return HubProblems.Conflict("payment-reference-taken", "The reference belongs to another payment.",
                    $"Reference '{taken.Reference}' is payment {taken.Owner}'s; give this order another referenceId (retries use -2 … -{PaymentRequestRules.MaxAttemptsLimit}).");
            paymentId = owner.Id; // the same request again: resume the payment it made
        }

        var now = clock.GetUtcNow();
        var workflowId = PaymentRequestWorkflow.InstanceId(paymentId);
        var record = new PaymentRecord(paymentId, wabaId!, sender, request.To, request.ConfigurationName, config.Config.Gateway, request.ReferenceId,
            request.ReferenceId, PaymentStatuses.Pending, 1, request.MaxAttempts, request.Subtotal, request.Tax, request.Shipping, request.Discount,
            request.Total, request.ExpiresInSeconds, request.ReminderSeconds, workflowId, hash, null, now, now);
        var created = await payments.InsertAsync(record, cancellationToken);
        var outcome = await runner.StartAsync(workflowId, PaymentRequestWorkflow.Input(paymentId, request with { PhoneNumberId = sender }, order),
            startKey: paymentId, cancellationToken);
        logger.LogInformation("Payment {PaymentId} of {Total} paise to {To} through {Configuration}: {Outcome}", paymentId, request.Total,
            Redact.PhoneNumber(request.To), request.ConfigurationName, created ? outcome.ToString() : "resumed");

        var stored = await payments.GetAsync(paymentId, cancellationToken) ?? record;
        return Results.Accepted($"/api/payments/{paymentId}", PaymentView.From(stored));
    }

    private static IResult Refuse(string path, string rule, string message) =>
        HubProblems.Validation([new ValidationError(path, rule, message)]);
}
