namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// Where a MESSAGE stands. The order is the life of a message; a status only moves forward
/// (a late <c>delivered</c> never overwrites <c>read</c>), and <see cref="Failed"/> is final. Meta can report <c>failed</c> after <c>sent</c> (undeliverable), not after <c>delivered</c>.
/// <see cref="Played"/> (a voice note was listened to) comes after <see cref="Read"/>. <see cref="Received"/> is where
/// an inbound message starts; status webhooks never move it (they are about the business's own messages), only the
/// business marking it read does. Rows store the names, never the numbers, so new members may be placed in order.
/// </summary>
public enum MessageStatus
{
    Accepted = 0,
    Queued = 1,
    Sending = 2,
    Sent = 3,
    Delivered = 4,
    Read = 5,
    Played = 6,
    Failed = 7,
    Received = 8,
}

public static class MessageStatusRules
{
    /// <summary>True when a message in <paramref name="current"/> may move to <paramref name="next"/>.</summary>
    public static bool CanMove(MessageStatus current, MessageStatus next) =>
        current is not (MessageStatus.Failed or MessageStatus.Received) && next != MessageStatus.Received && current != next && (next == MessageStatus.Failed ? current < MessageStatus.Delivered : next > current);

    public static string ToWire(this MessageStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out MessageStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status);
}
