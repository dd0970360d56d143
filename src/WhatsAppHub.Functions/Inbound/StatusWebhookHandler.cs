using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// Applies Meta's status webhooks to MESSAGE rows: found by the hub's <c>biz_opaque_callback_data</c>, else by wamid;
/// the status only moves forward (<see cref="MessageStatusRules.CanMove"/>), so late or repeated webhooks change nothing.
/// A row still <c>sending</c> (EUM never answered) learns its wamid here, and its wamid pointer is written; the first
/// pricing category and conversation id seen are kept on the row. Every status is also appended to the message's
/// history (<see cref="MessageStatusHistory"/>), known message or not. The first status of a sent message adds it to
/// its conversation (index row and CONVERSATION <c>lastOutboundAt</c>): done here rather than on the send path so the
/// 1,000 sends/s path writes nothing more.
/// </summary>
public sealed class StatusWebhookHandler(
    MessageStore store,
    MessageStatusHistory history,
    ConversationMessageIndex conversationMessages,
    ConversationStore conversations,
    SendCompletions completions,
    OutcomeCounter outcomes,
    TemplatePacing pacing,
    TimeProvider clock,
    ILogger<StatusWebhookHandler> logger)
{
    /// <summary>True when the row changed.</summary>
    public async Task<bool> ApplyAsync(StatusUpdate update, CancellationToken cancellationToken)
    {
        if (update.Wamid.Length is < 1 or > TokenRules.MaxWamidLength || !MessageKeys.FitsKey(update.Wamid))
        {
            logger.LogWarning("Status '{Status}' has a wamid of {Length} characters; ignored", update.Status, update.Wamid.Length);
            return false;
        }
        var known = await FindAsync(update, cancellationToken);
        if (known is { Message.Direction: MessageDirection.Inbound })
        {
            logger.LogWarning("Status '{Status}' for {Wamid} names a received message; ignored", update.Status, update.Wamid);
            return false;
        }
        // Matched by callback data but another wamid: not this message's status (the loop below logs it); keyed by wamid.
        var owner = known is { } k && (k.Message.Wamid is null || k.Message.Wamid == update.Wamid) ? k.Message : null;
        await history.AppendAsync(owner?.Id, update, clock.GetUtcNow(), cancellationToken);
        // Every delivery status, not just a new one: a retry after a failure here still adds the message (one point read when it is in already).
        if (owner is not null && update.Status is "sent" or "delivered" or "read" or "played") await AddToConversationAsync(owner, update, cancellationToken);

        if (!MessageStatusRules.TryParse(update.Status, out var next) || int.TryParse(update.Status, out _)
            || next is not (MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read or MessageStatus.Played or MessageStatus.Failed))
        {
            logger.LogInformation("Status '{Status}' for {Wamid} is kept in the history only", update.Status, update.Wamid);
            return false;
        }
        for (var first = true; ; first = false)
        {
            if ((first ? known : await FindAsync(update, cancellationToken)) is not { } found)
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
            var pricing = message.PricingCategory ?? Short(update.Pricing?.Category);
            var conversationId = message.ConversationId ?? Short(update.Conversation?.Id);
            var learnsPricing = pricing != message.PricingCategory || conversationId != message.ConversationId;
            if (!moves && !learnsWamid && !learnsPricing) return false;

            var now = clock.GetUtcNow();
            var updated = message with { Wamid = update.Wamid, UpdatedAt = now, PricingCategory = pricing, ConversationId = conversationId };
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
            // Counted only after the row moved under its ETag: a repeated or late status, or a lost race, counts nothing.
            if (moves) outcomes.Count(message.Status, updated);
            if (moves && TemplatePacing.IsDrop(updated)) await pacing.RecordDropAsync(updated, update.Timestamp ?? now, cancellationToken);
            if (learnsWamid) await store.IndexWamidAsync(update.Wamid, message.Id, cancellationToken);
            if (updated.IsFinal) completions.Complete(updated);
            logger.LogInformation("Message {MessageId} is {Status} ({Wamid})", message.Id, updated.Status.ToWire(), update.Wamid);
            return true;
        }
    }

    /// <summary>
    /// Adds a sent message to its conversation on the first status that names it: the CONVERSATION row moves
    /// (<c>lastOutboundAt</c>, last message, count), then the index row, keyed by the message's creation, is written, so
    /// later statuses find it and change nothing. A message that failed before it went out never reached the contact
    /// and is not added.
    /// </summary>
    private async Task AddToConversationAsync(MessageRecord message, StatusUpdate update, CancellationToken cancellationToken)
    {
        var waId = RecipientRules.ToWaId(message.To);
        if (waId.Length == 0 || message.PhoneNumberId.Length == 0) return;
        if (await conversationMessages.ContainsAsync(message.PhoneNumberId, waId, message.Id, message.CreatedAt, cancellationToken)) return;
        await conversations.RecordMessageAsync(message.PhoneNumberId, waId,
            new ConversationMessage(message.Id, MessageDirection.Outbound, message.SentAt ?? update.Timestamp ?? message.CreatedAt, message.Type,
                MessagePreview.Of(message), null, IsNew: true), cancellationToken);
        await conversationMessages.AddAsync(message.PhoneNumberId, waId, message.Id, MessageDirection.Outbound, message.CreatedAt, cancellationToken);
    }

    private async Task<(MessageRecord Message, string ETag)?> FindAsync(StatusUpdate update, CancellationToken cancellationToken)
    {
        if (MessageRecord.IdFromCallback(update.CallbackData) is { } id && await store.FindAsync(id, cancellationToken) is { } byId
            && byId.Message.Direction == MessageDirection.Outbound)
            return byId;
        return update.Wamid.StartsWith("wamid.", StringComparison.Ordinal) ? await store.FindAsync(update.Wamid, cancellationToken) : null;
    }

    /// <summary>Pricing words and conversation ids are short; anything longer is no value of Meta's and is not kept.</summary>
    private static string? Short(string? value) => value is { Length: <= 256 } ? value : null;

    private static MessageError ToError(StatusUpdate update)
    {
        var first = update.Errors.Count > 0 ? update.Errors[0] : null;
        return new MessageError("Meta", first?.Code, first?.Title ?? "Message failed", first?.Details ?? first?.Title ?? "Meta reported the message failed.", false);
    }
}
