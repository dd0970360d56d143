using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Inbound;

/// <summary>Turns a received message into the MESSAGE item the hub keeps of it (direction inbound, status received).</summary>
public static class InboundMessageRecord
{
    /// <summary>The record, or null when the message has no wamid (nothing could tell its repeats apart).</summary>
    /// <param name="phoneNumberId">The EUM phone number id the message was written to.</param>
    /// <param name="at">When it was written (the message's timestamp, never later than now).</param>
    public static MessageRecord? Create(InboundMessage message, string phoneNumberId, DateTimeOffset at, DateTimeOffset now)
    {
        if (message.Wamid is not { Length: > 0 } wamid) return null;
        // The digits of 'from', as the conversation is keyed (and as sends to the contact are): wa_id only without them.
        var from = RecipientRules.ToWaId(message.From) is { Length: > 0 } digits ? digits : RecipientRules.ToWaId(message.WaId);
        var details = new InboundDetails(from, message.ContactName, Trim(message.Content.Summary),
            ReplyTo: message.Context?.Id, CtwaClid: message.Referral?.CtwaClid);
        details = message.Content switch
        {
            TextContent text => details with { Text = text.Body },
            MediaContent media => details with { MediaId = media.MediaId, MimeType = media.MimeType, Caption = media.Caption, FileName = media.FileName },
            _ => details,
        };
        return new MessageRecord(
            Id: InboundMessageId.From(wamid, message.Timestamp),
            Direction: MessageDirection.Inbound,
            PhoneNumberId: phoneNumberId,
            To: RecipientRules.ToWaId(message.Metadata.DisplayPhoneNumber ?? string.Empty),
            Type: message.Type,
            Status: MessageStatus.Received,
            CloudApiJson: message.RawJson,
            CreatedAt: at,
            UpdatedAt: now,
            Wamid: wamid,
            Inbound: details);
    }

    /// <summary>Longest summary kept: a listing line, not the message (the whole text is in the row).</summary>
    public const int MaxSummaryLength = 200;

    private static string? Trim(string? summary) =>
        summary is { Length: > MaxSummaryLength } ? summary[..(char.IsHighSurrogate(summary[MaxSummaryLength - 1]) ? MaxSummaryLength - 1 : MaxSummaryLength)] : summary;
}
