namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// One <c>value.messages[]</c> item (whatsapp-cloud-api.md §5.3): who wrote, when, in reply to what, from which ad,
/// and its typed <see cref="Content"/>.
/// </summary>
/// <param name="From">The sender's number as Meta wrote it.</param>
/// <param name="Type">The item's <c>type</c> as received (an unknown type keeps its name; its content is <see cref="UnknownContent"/>).</param>
/// <param name="ContactName">The sender's <c>profile.name</c> from <c>value.contacts[]</c> (matched by wa_id, else the only contact).</param>
/// <param name="WaId">The sender's <c>wa_id</c> from <c>value.contacts[]</c>, else <paramref name="From"/>'s digits.</param>
/// <param name="GroupId">The group the message was written in, for group messages.</param>
/// <param name="RawJson">The message item exactly as received.</param>
public sealed record InboundMessage(
    ChangeMetadata Metadata,
    string From,
    string? Wamid,
    string Type,
    DateTimeOffset? Timestamp,
    string? ContactName,
    string WaId,
    string? GroupId,
    MessageContext? Context,
    Referral? Referral,
    InboundContent Content,
    string RawJson)
{
    public string? MetaPhoneNumberId => Metadata.MetaPhoneNumberId;
}

/// <summary>The item's <c>context</c>: the message replied to, forwarding, or the product asked about.</summary>
public sealed record MessageContext(
    string? From,
    string? Id,
    bool Forwarded,
    bool FrequentlyForwarded,
    string? ReferredCatalogId,
    string? ReferredProductRetailerId);

/// <summary>A Click-to-WhatsApp ad's <c>referral</c>. <paramref name="CtwaClid"/> is absent for Status ad placements.</summary>
public sealed record Referral(
    string? SourceUrl,
    string? SourceId,
    string? SourceType,
    string? Headline,
    string? Body,
    string? MediaType,
    string? ImageUrl,
    string? VideoUrl,
    string? ThumbnailUrl,
    string? CtwaClid,
    string? WelcomeMessageText,
    string? Ref);

/// <summary>What a message says, by type. <see cref="Summary"/> is a short human text for listings (never a secret).</summary>
public abstract record InboundContent
{
    public abstract string? Summary { get; }
}

/// <summary><c>text { body }</c>.</summary>
public sealed record TextContent(string Body) : InboundContent
{
    public override string? Summary => Body;
}

/// <summary>image, video, audio, document or sticker: the media id expires, so the hub downloads it soon.</summary>
/// <param name="MediaType">image, video, audio, document or sticker.</param>
/// <param name="MediaId">WhatsApp's media id, for <c>GetWhatsAppMessageMedia</c>.</param>
/// <param name="Voice">audio only: a voice note.</param>
/// <param name="Animated">sticker only.</param>
public sealed record MediaContent(
    string MediaType,
    string? MediaId,
    string? MimeType,
    string? Sha256,
    string? Caption,
    string? FileName,
    string? Url,
    bool? Voice,
    bool? Animated) : InboundContent
{
    public override string? Summary => Caption ?? FileName ?? $"[{MediaType}]";
}

/// <summary><c>location { latitude, longitude, name?, address?, url? }</c>.</summary>
public sealed record LocationContent(double? Latitude, double? Longitude, string? Name, string? Address, string? Url) : InboundContent
{
    public override string? Summary => Name ?? Address ?? (Latitude is { } lat && Longitude is { } lon
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat}, {lon}") : "[location]");
}

/// <summary><c>contacts[]</c>: the shared cards' formatted names; the cards themselves stay in the raw JSON.</summary>
public sealed record ContactsContent(IReadOnlyList<string> FormattedNames, int Count) : InboundContent
{
    public override string? Summary => FormattedNames.Count > 0 ? string.Join(", ", FormattedNames) : $"[{Count} contacts]";
}

/// <summary>
/// <c>interactive</c> replies: <c>button_reply</c> and <c>list_reply</c> (<see cref="ReplyId"/>, <see cref="Title"/>,
/// <see cref="Description"/>), <c>nfm_reply</c> (a Flow or address message: <see cref="FlowName"/>,
/// <see cref="Body"/>, <see cref="ResponseJson"/>, <see cref="FlowToken"/>) and <c>call_permission_reply</c>
/// (<see cref="Response"/>, <see cref="IsPermanent"/>, <see cref="ExpiresAt"/>, <see cref="ResponseSource"/>).
/// </summary>
/// <param name="Kind">The <c>interactive.type</c> as received.</param>
public sealed record InteractiveReplyContent(
    string Kind,
    string? ReplyId = null,
    string? Title = null,
    string? Description = null,
    string? FlowName = null,
    string? Body = null,
    string? ResponseJson = null,
    string? FlowToken = null,
    string? Response = null,
    bool? IsPermanent = null,
    DateTimeOffset? ExpiresAt = null,
    string? ResponseSource = null) : InboundContent
{
    public override string? Summary => Title ?? Body ?? Response ?? $"[{Kind}]";
}

/// <summary><c>button { payload, text }</c>: a tap on a template's quick-reply button.</summary>
public sealed record ButtonContent(string? Payload, string? Text) : InboundContent
{
    public override string? Summary => Text ?? Payload;
}

/// <summary><c>order { catalog_id, text?, product_items[] }</c>.</summary>
public sealed record OrderContent(string? CatalogId, string? Text, IReadOnlyList<OrderItem> Items) : InboundContent
{
    public override string? Summary => Text ?? $"[order of {Items.Count} items]";
}

/// <summary>One <c>product_items[]</c> entry; the price stays a decimal as Meta sent it.</summary>
public sealed record OrderItem(string? ProductRetailerId, int? Quantity, decimal? ItemPrice, string? Currency);

/// <summary><c>reaction { message_id, emoji? }</c>; no emoji means the reaction was removed.</summary>
public sealed record ReactionContent(string? MessageId, string? Emoji) : InboundContent
{
    public bool Removed => string.IsNullOrEmpty(Emoji);
    public override string? Summary => Removed ? "[reaction removed]" : Emoji;
}

/// <summary><c>system { body, wa_id, type }</c>, e.g. <c>user_changed_number</c> (<see cref="NewWaId"/> is the new id).</summary>
public sealed record SystemContent(string? Body, string? NewWaId, string? SystemType) : InboundContent
{
    public override string? Summary => Body;
}

/// <summary><c>request_welcome</c>: the contact opened the chat for the first time (no content).</summary>
public sealed record RequestWelcomeContent : InboundContent
{
    public override string? Summary => "[request_welcome]";
}

/// <summary><c>unsupported</c>, with Meta's <c>errors[]</c> (131051) and <c>unsupported.type</c> (poll, edit, …).</summary>
public sealed record UnsupportedContent(string? UnsupportedType, IReadOnlyList<WebhookError> Errors) : InboundContent
{
    public override string? Summary => $"[unsupported {UnsupportedType ?? "message"}]";
}

/// <summary>A type the hub does not know (or a known type whose object is missing or malformed): kept raw on the
/// message, reported, never a failure.</summary>
public sealed record UnknownContent(string Reason) : InboundContent
{
    public override string? Summary => null;
}
