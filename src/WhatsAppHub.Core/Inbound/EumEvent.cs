namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// One EUM event (the SNS <c>Message</c>, eum-events-sns-media.md §1.3) with its Meta webhook entry parsed into typed
/// parts. Nothing in the entry is dropped: what the hub does not understand is kept raw in <see cref="Unknown"/>.
/// </summary>
/// <param name="MetaWabaId">The entry's <c>id</c> (Meta's WhatsApp Business Account id).</param>
/// <param name="PhoneNumbers">The EUM phone number ARN of each Meta phone number id in <c>context.MetaPhoneNumberIds</c>.</param>
/// <param name="PublishedAt">EUM's <c>message_timestamp</c>, when readable.</param>
/// <param name="Messages"><c>value.messages[]</c> of <c>messages</c> changes: what contacts (or group members) wrote.</param>
/// <param name="Statuses"><c>value.statuses[]</c>: what became of the business's own messages.</param>
/// <param name="Errors"><c>value.errors[]</c>: system, app or account problems not tied to one message.</param>
/// <param name="AccountEvents">Every change whose field is not <c>messages</c> (management, calls, groups, unknown fields).</param>
/// <param name="Unknown">Items the parser could not read (no id, wrong JSON kind, …), raw, with the reason.</param>
public sealed record EumEvent(
    string? MetaWabaId,
    string? AwsAccountId,
    DateTimeOffset? PublishedAt,
    IReadOnlyDictionary<string, string> PhoneNumbers,
    IReadOnlyList<InboundMessage> Messages,
    IReadOnlyList<StatusUpdate> Statuses,
    IReadOnlyList<WebhookError> Errors,
    IReadOnlyList<AccountEvent> AccountEvents,
    IReadOnlyList<UnknownItem> Unknown)
{
    /// <summary>The EUM phone number ARN for Meta's phone number id; the only one listed when Meta's id is unknown.</summary>
    public string? EumPhoneNumberFor(string? metaPhoneNumberId) =>
        metaPhoneNumberId is not null && PhoneNumbers.TryGetValue(metaPhoneNumberId, out var arn) ? arn
        : metaPhoneNumberId is null && PhoneNumbers.Count == 1 ? PhoneNumbers.Values.First()
        : null;

    /// <summary><c>value.statuses[]</c> items with <c>type: "payment"</c> (Payments India): kept apart from message statuses.</summary>
    public IReadOnlyList<PaymentStatus> Payments { get; init; } = [];
}

/// <summary>
/// The <c>metadata</c> of a <c>messages</c> change, which every message, status and error of that change shares.
/// </summary>
public sealed record ChangeMetadata(string? MetaPhoneNumberId, string? DisplayPhoneNumber);

/// <summary>One <c>errors[]</c> item (whatsapp-cloud-api.md §5.5; also on failed statuses and unsupported messages).</summary>
/// <param name="Code">Meta's numeric code as text (it arrives as a number or a string).</param>
public sealed record WebhookError(string? Code, string? Title, string? Details, string? Href = null)
{
    /// <summary>The metadata of the change that carried a <c>value.errors[]</c> item; null on statuses and messages.</summary>
    public ChangeMetadata? Metadata { get; init; }
}

/// <summary>
/// One change the hub does not treat as messages or statuses: a management field (account_update,
/// message_template_status_update, …), calls, group events, or a field nobody knows yet. <see cref="ValueJson"/> is the
/// change's <c>value</c> exactly as received; <see cref="Event"/> and <see cref="Subject"/> are the few facts each known
/// field has in common, so listings and filters need not re-parse it.
/// </summary>
/// <param name="Field">The change's <c>field</c>, as received.</param>
/// <param name="Kind">The field the value's shape says it is (Meta's own sample sends template quality updates under
/// <c>message_template_status_update</c>); equals <see cref="Field"/> unless rerouted, and <c>unknown</c>-free: an
/// unknown field keeps its name and <see cref="Known"/> is false.</param>
/// <param name="Event">The value's decisive word: <c>event</c>, <c>decision</c>, <c>new_quality_score</c>,
/// <c>new_category</c> (<c>correct_category</c> for an impending category change), the tier, a call's
/// <c>event</c>/<c>status</c>, a group item's <c>type</c>, a preference's <c>stop</c>/<c>resume</c>, … (null when
/// the field has none). Fields that list items (calls, groups, user_preferences) are read from their first item.</param>
/// <param name="Subject">What it is about: a template id or name/language, a display phone number, a call id, a
/// group id, a contact's wa_id (null when the field names nothing).</param>
/// <param name="OccurredAt">The entry's <c>time</c> (or the item's own timestamp), when present.</param>
public sealed record AccountEvent(
    string Field,
    string Kind,
    bool Known,
    string? Event,
    string? Subject,
    DateTimeOffset? OccurredAt,
    ChangeMetadata? Metadata,
    string ValueJson);

/// <summary>An item or change the parser could not read, kept raw.</summary>
/// <param name="Where">Where it was: <c>changes[2]</c>, <c>changes[0].value.messages[1]</c>, …</param>
public sealed record UnknownItem(string Where, string Reason, string RawJson);

/// <summary>The parsed event, or why the SNS Message is not an EUM event at all.</summary>
public sealed record EumEventParseResult(EumEvent? Event, string? Error);
