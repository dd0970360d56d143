namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// One normalized event, the shape subscribers receive and <c>GET /api/events</c> lists: what happened, when, on which
/// account and number, to whom, with the typed details in <see cref="DataJson"/>.
/// </summary>
/// <param name="Id">Deterministic: the same webhook delivered again gives the same id (duplicates fold).</param>
/// <param name="Type">See <see cref="HubEventTypes"/>: <c>message.received</c>, <c>status.read</c>, <c>account.account_update</c>, …</param>
/// <param name="PhoneNumberId">The EUM phone number id (<c>phone-number-id-…</c>), when the event concerns one number.</param>
/// <param name="WaId">The contact's digits, when the event concerns one contact.</param>
/// <param name="DataJson">A JSON object with the event's details (camelCase).</param>
public sealed record HubEvent(
    string Id,
    string Type,
    DateTimeOffset OccurredAt,
    string? WabaId,
    string? PhoneNumberId,
    string? WaId,
    string DataJson);

/// <summary>The event type names, and the pattern rule subscriptions filter with.</summary>
public static class HubEventTypes
{
    /// <summary>A contact (or group member) wrote; <c>data.type</c> tells text, image, interactive, …</summary>
    public const string MessageReceived = "message.received";

    /// <summary>Prefix of status events: <c>status.sent</c>, <c>status.delivered</c>, <c>status.read</c>, <c>status.played</c>, <c>status.failed</c>.</summary>
    public const string StatusPrefix = "status.";

    /// <summary>Prefix of payment status events (Payments India): <c>payment.captured</c>, <c>payment.pending</c>, <c>payment.failed</c>.</summary>
    public const string PaymentPrefix = "payment.";

    /// <summary>A <c>value.errors[]</c> item: a system, app or account problem.</summary>
    public const string Error = "error";

    /// <summary>Prefix of account-level events, followed by the field: <c>account.message_template_status_update</c>, <c>account.calls</c>, …</summary>
    public const string AccountPrefix = "account.";

    /// <summary>Something the hub could not read, kept raw.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// True when <paramref name="type"/> matches <paramref name="pattern"/>: equal, <c>*</c> (everything), or a prefix
    /// ending in <c>.*</c> (<c>status.*</c> matches <c>status.read</c>).
    /// </summary>
    public static bool Matches(string pattern, string type) =>
        pattern == "*"
        || string.Equals(pattern, type, StringComparison.Ordinal)
        || (pattern.EndsWith(".*", StringComparison.Ordinal) && type.StartsWith(pattern[..^1], StringComparison.Ordinal));
}
