using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Analytics.Ctwa;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Functions.Messaging;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// What the hub does with a contact's message: stores it as an inbound MESSAGE row (once, whatever number of times the
/// webhook arrives: its id derives from the wamid), adds it to the conversation's message index, and records in the
/// CONVERSATION row when the contact last wrote (the 24-hour customer-service window the send path checks), their
/// name, the last message and the unread count. Meta's phone number id is mapped to EUM's through the event context.
/// </summary>
public sealed class InboundMessageHandler(
    ConversationStore conversations,
    ConversationMessageIndex conversationMessages,
    MessageStore messages,
    ReplyCounter replies,
    CtwaInboundCounter ctwa,
    TimeProvider clock,
    ILogger<InboundMessageHandler> logger)
{
    /// <summary>Phone numbers have at most 15 digits (E.164); the margin covers ids Meta may widen.</summary>
    public const int MaxWaIdDigits = 32;

    /// <summary>True when the window was recorded.</summary>
    public async Task<bool> ApplyAsync(EumEvent evt, InboundMessage message, CancellationToken cancellationToken)
    {
        if (evt.EumPhoneNumberFor(message.MetaPhoneNumberId) is not { } arn)
        {
            logger.LogWarning("Inbound message {Wamid} names Meta phone number {MetaPhoneNumberId}, which the event context does not map; ignored",
                message.Wamid, message.MetaPhoneNumberId);
            return false;
        }
        var waId = RecipientRules.ToWaId(message.From);
        if (waId.Length is 0 or > MaxWaIdDigits) return false; // no phone number: nothing to key a conversation by
        var now = clock.GetUtcNow();
        var at = message.Timestamp ?? evt.PublishedAt ?? now;
        if (at > now) at = now; // a clock ahead of ours must not stretch the window
        var phoneNumberId = PhoneNumberId.Normalize(arn);

        // A wamid too long for a key is no message WhatsApp wrote: the window still opens, nothing is stored.
        if (message.Wamid is { Length: <= TokenRules.MaxWamidLength } wamid && MessageKeys.FitsKey(wamid) && InboundMessageRecord.Create(message, phoneNumberId, at, now) is { } record)
        {
            var (id, created) = await messages.InsertInboundAsync(record, cancellationToken);
            await replies.CountAsync(record, cancellationToken); // a reply to a message of the hub counts on its template and campaign
            await ctwa.CountAsync(message, phoneNumberId, at, cancellationToken); // and a message from (or after) an ad on the ad's funnel
            // The index row, keyed by the message's time and id, marks a message the conversation counted: written
            // after the CONVERSATION update, so a failure in between is retried with the count still to do (the
            // row's countedIds keep that retry from counting twice). Its time must be the same in every delivery:
            // the message's own, not the clamped one.
            // A MESSAGE row this call created has no index row yet (the index is written after it, and MESSAGE rows are
            // never deleted), so only a repeat reads the index.
            var indexedAt = message.Timestamp ?? evt.PublishedAt ?? at;
            var isNew = created || !await conversationMessages.ContainsAsync(phoneNumberId, waId, id, indexedAt, cancellationToken);
            await conversations.RecordMessageAsync(phoneNumberId, waId,
                new ConversationMessage(id, MessageDirection.Inbound, at, record.Type, record.Inbound?.Summary, record.Inbound?.ContactName, isNew), cancellationToken);
            if (isNew) await conversationMessages.AddAsync(phoneNumberId, waId, id, MessageDirection.Inbound, indexedAt, cancellationToken);
        }
        else
        {
            await conversations.RecordInboundAsync(phoneNumberId, waId, at, cancellationToken);
        }
        logger.LogInformation("Inbound {Type} message {Wamid} from {From} on {PhoneNumberId}", message.Type, message.Wamid, Redact.PhoneNumber(waId), phoneNumberId);
        return true;
    }
}
