using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// Applies Meta's status webhooks to MESSAGE rows: found by the hub's <c>biz_opaque_callback_data</c>, else by wamid;
/// the status only moves forward (<see cref="MessageStatusRules.CanMove"/>), so late or repeated webhooks change nothing.
/// A row still <c>sending</c> (EUM never answered) learns its wamid here, and its wamid pointer is written.
/// </summary>
public sealed class StatusWebhookHandler(MessageStore store, SendCompletions completions, TimeProvider clock, ILogger<StatusWebhookHandler> logger)
{
    /// <summary>True when the row changed.</summary>
    public async Task<bool> ApplyAsync(StatusUpdate update, CancellationToken cancellationToken)
    {
        if (!MessageStatusRules.TryParse(update.Status, out var next) || next is not (MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read or MessageStatus.Failed))
        {
            logger.LogInformation("Status '{Status}' for {Wamid} is not handled yet", update.Status, update.Wamid);
            return false;
        }
        while (true)
        {
            if (await FindAsync(update, cancellationToken) is not { } found)
            {
                logger.LogInformation("Status '{Status}' for {Wamid} names no message of this hub; ignored", update.Status, update.Wamid);
                return false;
            }
            var (message, etag) = found;
            if (message.Wamid is not null && message.Wamid != update.Wamid)
            {
                logger.LogWarning("Status for {Wamid} matched message {MessageId} by callback data, but that message is {Known}; ignored",
                    update.Wamid, message.Id, message.Wamid);
                return false;
            }
            var learnsWamid = message.Wamid is null;
            var moves = MessageStatusRules.CanMove(message.Status, next);
            if (!moves && !learnsWamid) return false;

            var now = clock.GetUtcNow();
            var updated = message with { Wamid = update.Wamid, UpdatedAt = now };
            if (moves)
            {
                updated = next == MessageStatus.Failed
                    ? updated with { Status = next, Error = ToError(update) }
                    : updated with { Status = next, Error = null, SentAt = message.SentAt ?? update.Timestamp ?? now };
            }
            try
            {
                await store.UpdateAsync(updated, etag, cancellationToken);
            }
            catch (TableConcurrencyException)
            {
                continue; // the send path or another webhook got there first: read again
            }
            if (learnsWamid) await store.IndexWamidAsync(update.Wamid, message.Id, cancellationToken);
            if (updated.IsFinal) completions.Complete(updated);
            logger.LogInformation("Message {MessageId} is {Status} ({Wamid})", message.Id, updated.Status.ToWire(), update.Wamid);
            return true;
        }
    }

    private async Task<(MessageRecord Message, string ETag)?> FindAsync(StatusUpdate update, CancellationToken cancellationToken)
    {
        if (update.CallbackData is { } data && data.StartsWith(MessageRecord.CallbackPrefix, StringComparison.Ordinal)
            && data.Length > MessageRecord.CallbackPrefix.Length && !data.StartsWith(MessageRecord.CallbackPrefix + "wamid.", StringComparison.Ordinal)
            && await store.FindAsync(data[MessageRecord.CallbackPrefix.Length..], cancellationToken) is { } byId
            && byId.Message.Direction == MessageDirection.Outbound)
            return byId;
        return update.Wamid.StartsWith("wamid.", StringComparison.Ordinal) ? await store.FindAsync(update.Wamid, cancellationToken) : null;
    }

    private static MessageError ToError(StatusUpdate update)
    {
        var first = update.Errors.Count > 0 ? update.Errors[0] : null;
        return new MessageError("Meta", first?.Code, first?.Title ?? "Message failed", first?.Details ?? first?.Title ?? "Meta reported the message failed.", false);
    }
}
