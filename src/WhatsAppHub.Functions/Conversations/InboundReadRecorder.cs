using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// After <c>POST /api/messages/{wamid}/read</c> reached WhatsApp: the received message's row moves from
/// <c>received</c> to <c>read</c> and its conversation's unread count goes back to zero. A wamid the hub never stored
/// (sent to the number before the hub listened) changes nothing here; the receipt was still sent.
/// </summary>
public sealed class InboundReadRecorder(MessageStore messages, ConversationStore conversations, TimeProvider clock)
{
    public async Task RecordAsync(string wamid, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await messages.FindAsync(wamid, cancellationToken) is not { } found || found.Message.Inbound is not { } inbound) return;
            var (message, etag) = found;
            var now = clock.GetUtcNow();
            if (message.Status == MessageStatus.Received)
            {
                try
                {
                    await messages.UpdateAsync(message with { Status = MessageStatus.Read, UpdatedAt = now }, etag, cancellationToken);
                }
                catch (TableConcurrencyException)
                {
                    continue; // changed meanwhile (another /read): read again
                }
            }
            await conversations.MarkReadAsync(message.PhoneNumberId, inbound.From, message.CreatedAt, now, cancellationToken);
            return;
        }
    }
}
