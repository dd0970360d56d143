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
        var details = new InboundDetails(from, Cap(message.ContactName), Trim(message.Content.Summary),
            ReplyTo: Cap(message.Context?.Id), CtwaClid: Cap(message.Referral?.CtwaClid));
        details = message.Content switch
        {
            TextContent text => details with { Text = Cap(text.Body) },
            MediaContent media => details with { MediaId = Cap(media.MediaId), MimeType = Cap(media.MimeType), Caption = Cap(media.Caption), FileName = Cap(media.FileName) },
            _ => details,
        };
        return new MessageRecord(
            Id: InboundMessageId.From(wamid, message.Timestamp),
            Direction: MessageDirection.Inbound,
            PhoneNumberId: phoneNumberId,
            To: RecipientRules.ToWaId(message.Metadata.DisplayPhoneNumber ?? string.Empty),
            Type: Cut(message.Type, 64)!, // Meta's types are short words; an unknown one keeps its name
            Status: MessageStatus.Received,
            CloudApiJson: message.RawJson,
            CreatedAt: at,
            UpdatedAt: now,
            Wamid: wamid,
            Inbound: details);
    }

    /// <summary>Longest summary kept: a listing line, not the message (the whole text is in the row).</summary>
    public const int MaxSummaryLength = 200;

    /// <summary>
    /// Longest listing field kept (WhatsApp's own text limit): a webhook may carry more (nobody checks what reaches the
    /// hub), and a table property holds 32 K characters. The raw JSON on the row keeps every character.
    /// </summary>
    public const int MaxFieldLength = 4096;

    private static string? Trim(string? summary) => Cut(summary, MaxSummaryLength);

    private static string? Cap(string? value) => Cut(value, MaxFieldLength);

    private static string? Cut(string? value, int max) =>
        value is { Length: var length } && length > max ? value[..(char.IsHighSurrogate(value[max - 1]) ? max - 1 : max)] : value;
}
