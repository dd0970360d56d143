namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// A payment status (whatsapp-cloud-api.md §8.6): a <c>value.statuses[]</c> item with <c>type: "payment"</c>. It tells
/// what became of an order_details message's payment, named by the order's <c>reference_id</c>, not of a message, so
/// the hub keeps it apart from <see cref="StatusUpdate"/> and never applies it to a MESSAGE row.
/// </summary>
/// <param name="Id">The item's <c>id</c> as received, when present (Meta's docs do not confirm what it names).</param>
/// <param name="Status">captured, pending, failed, or something newer, as received.</param>
/// <param name="Amount">Whole minor units; <paramref name="Offset"/> is 100 for rupees and paise.</param>
/// <param name="RawJson">The status item exactly as received.</param>
public sealed record PaymentStatus(
    ChangeMetadata Metadata,
    string? Id,
    string Status,
    string ReferenceId,
    DateTimeOffset? Timestamp,
    string? RecipientId,
    long? Amount,
    long? Offset,
    string? Currency,
    PaymentTransaction? Transaction,
    string RawJson)
{
    public string? MetaPhoneNumberId => Metadata.MetaPhoneNumberId;
}

/// <summary>The gateway's <c>payment.transaction</c>: its id, gateway (<c>type</c>), own status and method.</summary>
/// <param name="Type">The gateway: razorpay, payu, billdesk, zaakpay.</param>
/// <param name="Status">success, pending or failed.</param>
/// <param name="MethodType">upi, card, wallet, netbanking.</param>
public sealed record PaymentTransaction(
    string? Id,
    string? Type,
    string? Status,
    string? MethodType,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    string? ErrorCode,
    string? ErrorReason);
