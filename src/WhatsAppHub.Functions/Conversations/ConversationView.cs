using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>The JSON a caller sees for a conversation (<c>GET /api/conversations</c>, <c>GET /api/conversations/{waId}</c>).</summary>
/// <param name="WindowEndsAt">When the 24-hour customer-service window closes (free-form messages need it open).</param>
/// <param name="UnreadCount">Messages the contact wrote since the business last marked one read.</param>
public sealed record ConversationView(
    string PhoneNumberId,
    string WaId,
    string? ContactName,
    DateTimeOffset? LastInboundAt,
    DateTimeOffset? WindowEndsAt,
    DateTimeOffset? LastOutboundAt,
    DateTimeOffset? LastMessageAt,
    string? LastMessageId,
    string? LastDirection,
    string? LastMessageType,
    string? LastMessagePreview,
    int UnreadCount,
    int MessageCount,
    DateTimeOffset? LastReadAt)
{
    public static ConversationView From(TableRow row) => new(
        row.GetString("phoneNumberId") ?? string.Empty,
        row.GetString("waId") ?? string.Empty,
        row.GetString("contactName"),
        row.GetDateTimeOffset("lastInboundAt"),
        // rows written before windowEndsAt existed have only lastInboundAt
        row.GetDateTimeOffset("windowEndsAt") ?? row.GetDateTimeOffset("lastInboundAt") + Core.Messaging.Sending.ServiceWindow.Length,
        row.GetDateTimeOffset("lastOutboundAt"),
        row.GetDateTimeOffset("lastMessageAt"),
        row.GetString("lastMessageId"),
        row.GetString("lastDirection"),
        row.GetString("lastMessageType"),
        row.GetString("lastMessagePreview"),
        row.GetInt32("unreadCount") ?? 0,
        row.GetInt32("messageCount") ?? 0,
        row.GetDateTimeOffset("lastReadAt"));
}

/// <summary>One page of <c>GET /api/conversations</c>; pass <see cref="Continuation"/> back as <c>?continuation=</c> for the next.</summary>
public sealed record ConversationListView(IReadOnlyList<ConversationView> Items, string? Continuation);
