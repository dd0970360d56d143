using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Conversations;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// What the hub does with a contact's message for now: records when they last wrote to the number (the 24-hour
/// customer-service window the send path checks). Meta's phone number id is mapped to EUM's through the event context.
/// </summary>
public sealed class InboundMessageHandler(ConversationStore conversations, TimeProvider clock, ILogger<InboundMessageHandler> logger)
{
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
        if (waId.Length == 0) return false;
        var now = clock.GetUtcNow();
        var at = message.Timestamp ?? evt.PublishedAt ?? now;
        if (at > now) at = now; // a clock ahead of ours must not stretch the window
        await conversations.RecordInboundAsync(PhoneNumberId.Normalize(arn), waId, at, cancellationToken);
        logger.LogInformation("Inbound {Type} message {Wamid} from {From} on {PhoneNumberId}", message.Type, message.Wamid, Redact.PhoneNumber(waId), PhoneNumberId.Normalize(arn));
        return true;
    }
}
