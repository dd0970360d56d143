using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Payments;

/// <summary>
/// A checked <c>POST /api/payments</c> request: whom to ask for how much, through which payment configuration, and how
/// long to wait. Amounts are whole paise (minor units, offset 100); <see cref="PaymentRequestRules"/> has checked that
/// they add up.
/// </summary>
/// <param name="ReferenceId">The order's reference; retries send it with <c>-2</c>, <c>-3</c>, … appended (§8.6).</param>
/// <param name="GoodsType">digital-goods or physical-goods.</param>
/// <param name="Beneficiaries">The delivery addresses of physical goods, as Meta takes them.</param>
/// <param name="ExpiresInSeconds">How long the first request (and each retry) waits for the payment before a reminder.</param>
/// <param name="ReminderSeconds">How long after the reminder the order is cancelled.</param>
/// <param name="MaxAttempts">order_details messages sent at most: the first and its retries after failed payments.</param>
public sealed record PaymentRequest(
    string To,
    string? PhoneNumberId,
    string ConfigurationName,
    string ReferenceId,
    string GoodsType,
    IReadOnlyList<PaymentItem> Items,
    long Subtotal,
    long Tax,
    long? Shipping,
    long? Discount,
    long Total,
    string Body,
    string? Footer,
    JsonArray? Beneficiaries,
    int ExpiresInSeconds,
    int ReminderSeconds,
    int MaxAttempts);

/// <param name="Amount">The price of one, in paise.</param>
/// <param name="SaleAmount">A reduced price of one, in paise, which the subtotal counts instead.</param>
public sealed record PaymentItem(string? RetailerId, string Name, long Amount, long? SaleAmount, long Quantity)
{
    public long LineTotal => (SaleAmount ?? Amount) * Quantity;
}

/// <summary>What a PAYMENT can be: waiting, then captured, failed (out of retries) or expired (cancelled after the reminder).</summary>
public static class PaymentStatuses
{
    public const string Pending = "pending";
    public const string Captured = "captured";
    public const string Failed = "failed";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Pending, Captured, Failed, Expired];

    /// <summary>The statuses a gateway or a webhook reports about one attempt (§8.6).</summary>
    public static IReadOnlyList<string> Reported { get; } = [Pending, Captured, Failed];
}
