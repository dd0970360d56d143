using WhatsAppHub.Core.Messaging.Interactive;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Payments;

/// <summary>A gateway's word on one attempt of a payment (<c>POST /api/payments/{id}/status</c>).</summary>
/// <param name="ReferenceId">The card it is about; null means the card now open.</param>
/// <param name="Amount">What was paid, in paise.</param>
public sealed record PaymentCallback(string Status, string? ReferenceId, string? TransactionId, long? Amount, string? ErrorReason);

/// <summary>Reads gateway callbacks: <c>{ status, referenceId?, transactionId?, amount?, errorReason? }</c>.</summary>
public static class PaymentCallbackRules
{
    /// <summary>Hub limits: gateway transaction ids and error texts are short.</summary>
    public const int MaxTransactionIdLength = 128;
    public const int MaxErrorReasonLength = 256;

    private static readonly HashSet<string> Members = ["status", "referenceId", "transactionId", "amount", "errorReason"];

    public static (PaymentCallback? Callback, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);
        const string root = JsonPath.Root;
        JsonRules.OnlyKnownMembers(json, root, errors, Members);
        var status = JsonRules.String(json, "status", root, errors, required: true, minLength: 1);
        if (status is { Length: > 0 } && !PaymentStatuses.Reported.Contains(status))
            errors.Add(JsonPath.Member(root, "status"), "enum", $"'status' must be one of: {string.Join(", ", PaymentStatuses.Reported)}.");
        var reference = JsonRules.String(json, "referenceId", root, errors, required: false, minLength: 1, maxLength: OrderDetailsRules.MaxReferenceIdLength);
        if (reference is { Length: > 0 } && !OrderDetailsRules.IsReferenceId(reference))
            errors.Add(JsonPath.Member(root, "referenceId"), "pattern", "'referenceId' may hold only letters, digits, '_', '.' and '-'.");
        var transaction = JsonRules.String(json, "transactionId", root, errors, required: false, minLength: 1, maxLength: MaxTransactionIdLength);
        var amount = JsonRules.Integer(json, "amount", root, errors, required: false, min: 0, max: OrderAmountRules.MaxValue);
        var reason = JsonRules.String(json, "errorReason", root, errors, required: false, minLength: 1, maxLength: MaxErrorReasonLength);
        return errors.IsEmpty ? (new PaymentCallback(status!, reference, transaction, amount, reason), errors.All) : (null, errors.All);
    }
}
