namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// A PAYMENT: what was asked of whom (amounts in paise), through which configuration, and where it stands. The
/// <c>PaymentRequest</c> workflow <see cref="WorkflowId"/> moves it on; <see cref="LastEventJson"/> is the last payment
/// status it heard (the gateway's transaction, or its error).
/// </summary>
/// <param name="ReferenceId">The order's reference; attempt n is sent as <c>{ReferenceId}-{n}</c> from the second on.</param>
/// <param name="CurrentReference">The reference of the card now open (or the last one).</param>
/// <param name="RequestHash">SHA-256 of the request body: the same request sent again resumes this payment instead of a 409.</param>
public sealed record PaymentRecord(
    string Id,
    string WabaId,
    string PhoneNumberId,
    string To,
    string ConfigurationName,
    string Gateway,
    string ReferenceId,
    string CurrentReference,
    string Status,
    int Attempt,
    int MaxAttempts,
    long Subtotal,
    long Tax,
    long? Shipping,
    long? Discount,
    long Total,
    int ExpiresInSeconds,
    int ReminderSeconds,
    string WorkflowId,
    string RequestHash,
    string? LastEventJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
