namespace WhatsAppHub.Core.Inbound;

/// <summary>One <c>value.statuses[]</c> item (whatsapp-cloud-api.md §5.4): what became of one of the business's messages.</summary>
/// <param name="Status">As received: sent, delivered, read, played, failed, or something newer.</param>
/// <param name="RecipientId">The contact's number, or the group id for group sends.</param>
/// <param name="RecipientParticipantId">For group sends, the participant the status is about.</param>
/// <param name="RawJson">The status item exactly as received.</param>
public sealed record StatusUpdate(
    ChangeMetadata Metadata,
    string Wamid,
    string Status,
    DateTimeOffset? Timestamp,
    string? RecipientId,
    string? RecipientType,
    string? RecipientParticipantId,
    string? CallbackData,
    StatusConversation? Conversation,
    StatusPricing? Pricing,
    IReadOnlyList<WebhookError> Errors,
    string RawJson)
{
    public string? MetaPhoneNumberId => Metadata.MetaPhoneNumberId;
}

/// <summary>A status's <c>conversation</c>: the window it was charged to.</summary>
/// <param name="OriginType">authentication, authentication_international, marketing, marketing_lite, referral_conversion, service or utility.</param>
public sealed record StatusConversation(string? Id, DateTimeOffset? ExpiresAt, string? OriginType);

/// <summary>A status's <c>pricing</c>. <paramref name="Category"/> is normalized to underscores (Meta writes
/// <c>authentication-international</c> here and <c>authentication_international</c> in origin.type).</summary>
public sealed record StatusPricing(bool? Billable, string? PricingModel, string? Type, string? Category);
