namespace WhatsAppHub.Core.Messaging.Sending;

/// <summary>
/// WhatsApp's customer-service window: a free-form (non-template) message may go to a contact only within 24 hours of
/// that contact's last message to the business number. Outside it Meta refuses with 131047, so the hub refuses first.
/// </summary>
public static class ServiceWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    public static bool IsOpen(DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        lastInboundAt is { } last && now - last < Length;
}
