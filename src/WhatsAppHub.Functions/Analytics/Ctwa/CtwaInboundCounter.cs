using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Functions.Events;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// The Click-to-WhatsApp steps a contact's stored message completes, called by the <c>inbound</c> handler: a message
/// with a referral is the contact's conversation with that ad (once per contact and ad); any later message is their
/// reply (once per contact, on the ad of their first referral), and an <c>order</c> their conversion. Cheap for the
/// many contacts who never came from an ad: one lookup, remembered (<see cref="CtwaAttribution"/>); counts are memory
/// only until the counter's next flush.
/// </summary>
public sealed class CtwaInboundCounter(CtwaAttribution attribution, CtwaMarkers markers, CtwaConversions conversions, WabaResolver wabas,
    OutcomeCounter counter)
{
    /// <param name="at">When the contact wrote (the message's time).</param>
    public async Task CountAsync(InboundMessage message, string phoneNumberId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (message.GroupId is not null || message.WaId is not { Length: > 0 } waId) return;
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        if (message.Referral is { } referral)
        {
            attribution.Forget(phoneNumberId, waId);
            if (referral.SourceId is not { Length: > 0 } given) return;
            var sourceId = EventKeys.Fit(given); // an overlong id (only from a malformed webhook) is counted by its hash, like its CTWA rows
            var adWaba = await WabaAsync(wabas, phoneNumberId, cancellationToken);
            if (await markers.MarkAsync(phoneNumberId, waId, CtwaKeys.ConversationRowKey(adWaba, sourceId),
                    [("kind", "conversation"), ("sourceId", sourceId), ("wabaId", adWaba), ("wamid", message.Wamid), ("at", at)], cancellationToken))
                counter.CountAd(adWaba, sourceId, day, CtwaStep.Conversation);
            return; // clicking the ad again is no reply
        }
        if (message.Content is RequestWelcomeContent) return; // opening the chat is no message of the contact's

        // A message written before the contact came from the ad answers nothing of it.
        if (await attribution.FirstAsync(phoneNumberId, waId, cancellationToken) is not { } first || at < first.OccurredAt) return;
        var wabaId = await WabaAsync(wabas, phoneNumberId, cancellationToken);
        if (await markers.MarkAsync(phoneNumberId, waId, CtwaKeys.Replied,
                [("kind", "reply"), ("sourceId", first.SourceId), ("wabaId", wabaId), ("wamid", message.Wamid), ("at", at)], cancellationToken))
            counter.CountAd(wabaId, first.SourceId, day, CtwaStep.Reply);
        if (message.Content is OrderContent)
            await conversions.RecordAsync(phoneNumberId, waId, CtwaConversions.Order, at, message.Wamid, null, null, cancellationToken);
    }

    /// <summary>The EUM account of a number, asked of EUM once per process; EUM not answering is passing, so the caller is retried.</summary>
    internal static async Task<string> WabaAsync(WabaResolver wabas, string phoneNumberId, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await wabas.ForPhoneNumberAsync(phoneNumberId, cancellationToken);
        return problem is null && wabaId is not null
            ? wabaId
            : throw new InvalidOperationException($"EUM did not name the account of {phoneNumberId}; Click-to-WhatsApp counts wait for a retry.");
    }
}
