using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Core.Workflows.Payments;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// Routes of the Payments block: request a payment (order_details, then the PaymentRequest workflow), read one or list
/// them by status, and the gateway callback that reports a payment's status (signed, not keyed: see
/// <see cref="GatewaySignature"/>).
/// </summary>
public static class PaymentEndpoints
{
    public const int MaxCallbackBytes = 4 * 1024;

    public static RouteGroupBuilder MapPaymentEndpoints(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/payments").WithTags("Payments");
        payments.MapPost("/", (HttpRequest request, CreatePaymentHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName("CreatePayment")
            .WithSummary("Ask a contact to pay (Payments India): amounts in paise (offset 100) that add up, a recorded payment configuration; sends order_details and waits for the payment (captured → confirmation; failed → retry; expired → reminder, then cancel); answers 202.");
        payments.MapGet("/", ListAsync).WithName("ListPayments")
            .WithSummary("List payments, optionally of one status (pending, captured, failed, expired), with a continuation.");
        payments.MapGet("/{id}", GetAsync).WithName("GetPayment")
            .WithSummary("A payment: its status, the messages its workflow sent and the workflow's history.");
        return api;
    }

    /// <summary>The gateway callback: outside the function-key group, authenticated by its signature instead.</summary>
    public static RouteGroupBuilder MapPaymentCallbackEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/payments/{id}/status", CallbackAsync).WithTags("Payments").WithName("ReportPaymentStatus")
            .WithSummary($"Gateway callback: {{ status: captured|failed|pending, referenceId?, transactionId?, amount?, errorReason? }}, signed with HMAC-SHA256 of the body in {GatewaySignature.Header} (sha256=hex); answers 202, 401 on a bad signature.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, PaymentStore store, CancellationToken cancellationToken)
    {
        var (query, errors) = PaymentListQuery.Read(request.Query);
        if (query is null) return HubProblems.Validation(errors);
        var (items, continuation) = await store.ListAsync(query, cancellationToken);
        return Results.Ok(new PaymentListView(items.Select(p => PaymentView.From(p)).ToList(), continuation?.ToToken()));
    }

    private static async Task<IResult> GetAsync(string id, PaymentStore store, WorkflowStore workflows, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } payment) return NotFound();
        var workflow = await workflows.FindAsync(payment.WorkflowId, cancellationToken);
        return Results.Ok(PaymentView.From(payment, workflow, full: true));
    }

    private static async Task<IResult> CallbackAsync(string id, HttpRequest request, PaymentStore store, PaymentSignals signals, HubOptions options,
        ILogger<PaymentSignals> logger, CancellationToken cancellationToken)
    {
        if (options.Payments.CallbackSecret is not { } secret)
            return Results.Problem(type: HubProblems.TypeUri("payment-callbacks-off"), title: "Gateway callbacks are not configured.",
                statusCode: StatusCodes.Status503ServiceUnavailable, detail: "Set Payments__CallbackSecret to accept signed gateway callbacks.");
        var body = await RequestBody.ReadAsync(request, MaxCallbackBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        // The signature first: an unsigned caller learns nothing, not even whether the payment exists.
        if (!GatewaySignature.IsValid(secret, body.Bytes.Span, request.Headers[GatewaySignature.Header].FirstOrDefault()))
        {
            logger.LogWarning("Refused a payment callback for {PaymentId} with a missing or wrong signature", id.Length > 40 ? id[..40] : id);
            return Results.Problem(type: HubProblems.TypeUri("signature-invalid"), title: "The callback's signature is not valid.",
                statusCode: StatusCodes.Status401Unauthorized,
                detail: $"Sign the exact body with HMAC-SHA256 and the shared secret and send it as {GatewaySignature.Header}: {GatewaySignature.Prefix}<hex>.");
        }
        var (callback, errors) = PaymentCallbackRules.Read(body.Bytes.Span);
        if (callback is null) return HubProblems.Validation(errors);
        if (await store.GetAsync(id, cancellationToken) is not { } payment) return NotFound();

        var references = Enumerable.Range(1, payment.MaxAttempts).Select(n => PaymentOrder.ReferenceFor(payment.ReferenceId, n)).ToList();
        if (callback.ReferenceId is { } reference && !references.Contains(reference))
            return HubProblems.Validation([new ValidationError("$.referenceId", "enum",
                $"'{reference}' is not a reference of payment {id} (its references are {payment.ReferenceId} and its retries).")]);
        var payload = PaymentRequestWorkflow.EventPayload(callback.Status, callback.ReferenceId, callback.TransactionId, callback.Amount,
            callback.ErrorReason, "gateway");
        if (!await signals.SignalAsync(id, payload, cancellationToken))
            return HubProblems.Conflict("payment-not-waiting", "The payment is not waiting for a status.",
                $"Payment {id} is {payment.Status}; its workflow has finished.");
        return Results.Accepted($"/api/payments/{id}", PaymentView.From(payment));
    }

    private static IResult NotFound() => HubProblems.NotFound("There is no payment with this id.");
}
