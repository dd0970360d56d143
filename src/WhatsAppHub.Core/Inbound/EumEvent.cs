namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// One EUM event (the SNS <c>Message</c>, eum-events-sns-media.md §1.3) with its Meta webhook entry parsed: the typed
/// parts the hub handles now, and a count of what it left alone.
/// </summary>
/// <param name="PhoneNumbers">The EUM phone number ARN of each Meta phone number id in <c>context.MetaPhoneNumberIds</c>.</param>
/// <param name="PublishedAt">EUM's <c>message_timestamp</c>, when readable.</param>
/// <param name="Skipped">Changes and items not handled yet (other fields, errors, malformed items).</param>
public sealed record EumEvent(
    string? MetaWabaId,
    string? AwsAccountId,
    DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, string> PhoneNumbers,
    IReadOnlyList<StatusUpdate> Statuses,
    IReadOnlyList<InboundMessage> Messages,
    int Skipped)
{
    /// <summary>The EUM phone number ARN for Meta's phone number id; the only one listed when Meta's id is unknown.</summary>
    public string? EumPhoneNumberFor(string? metaPhoneNumberId) =>
        metaPhoneNumberId is not null && PhoneNumbers.TryGetValue(metaPhoneNumberId, out var arn) ? arn
        : metaPhoneNumberId is null && PhoneNumbers.Count == 1 ? PhoneNumbers.Values.First()
        : null;
}

/// <summary>One <c>value.statuses[]</c> item (whatsapp-cloud-api.md §5.4).</summary>
public sealed record StatusUpdate(
    string? MetaPhoneNumberId,
    string Wamid,
    string Status,
    DateTimeOffset? Timestamp,
    string? RecipientId,
    string? CallbackData,
    IReadOnlyList<StatusError> Errors);

/// <summary>One <c>errors[]</c> item of a failed status.</summary>
public sealed record StatusError(string? Code, string? Title, string? Details);

/// <summary>One <c>value.messages[]</c> item (whatsapp-cloud-api.md §5.3): who wrote, when, and its type.</summary>
public sealed record InboundMessage(string? MetaPhoneNumberId, string From, string? Wamid, string Type, DateTimeOffset? Timestamp);

/// <summary>The parsed event, or why the SNS Message is not an EUM event at all.</summary>
public sealed record EumEventParseResult(EumEvent? Event, string? Error);
