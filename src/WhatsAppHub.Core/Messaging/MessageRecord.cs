namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// A MESSAGE item: one WhatsApp message the hub sent or received, with its current status.
/// <see cref="Id"/> is the hub's own id (time-ordered, known before EUM answers); <see cref="Wamid"/> is WhatsApp's,
/// known once EUM accepted the message.
/// </summary>
public sealed record MessageRecord(
    string Id,
    MessageDirection Direction,
    string PhoneNumberId,
    string To,
    string Type,
    MessageStatus Status,
    string CloudApiJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Attempts = 0,
    string? Wamid = null,
    DateTimeOffset? SentAt = null,
    MessageError? Error = null,
    DateTimeOffset? AttemptStartedAt = null,
    InboundDetails? Inbound = null,
    string? PricingCategory = null,
    string? ConversationId = null,
    TemplateDetails? Template = null)
{
    /// <summary>
    /// The <c>biz_opaque_callback_data</c> the hub puts on a message that has none. Meta echoes it in status webhooks,
    /// which is how a send that went out without an answer (a time-out) is matched to its wamid instead of being sent again.
    /// </summary>
    public const string CallbackPrefix = "whatsapphub:";

    /// <summary>The hub message id that callback data written by the hub names, else null (a caller's own data).</summary>
    public static string? IdFromCallback(string? callbackData) =>
        callbackData is { } data && data.StartsWith(CallbackPrefix, StringComparison.Ordinal) && data.Length > CallbackPrefix.Length
        && !data.StartsWith(CallbackPrefix + "wamid.", StringComparison.Ordinal)
            ? data[CallbackPrefix.Length..]
            : null;

    public bool IsFinal => Status is MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Read or MessageStatus.Played or MessageStatus.Failed;

    /// <summary>A new time-ordered id: ids sort by creation, which keeps listings cheap.</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");
}

public enum MessageDirection
{
    Outbound,
    Inbound,
}

/// <summary>
/// What an inbound message adds to its MESSAGE row: who wrote and the few content fields listings show without parsing
/// the raw JSON (which is kept whole in <see cref="MessageRecord.CloudApiJson"/>).
/// </summary>
/// <param name="From">The contact's wa_id (digits).</param>
/// <param name="ReplyTo">The wamid the message answers (<c>context.id</c>).</param>
public sealed record InboundDetails(
    string From,
    string? ContactName,
    string? Summary,
    string? Text = null,
    string? MediaId = null,
    string? MimeType = null,
    string? Caption = null,
    string? FileName = null,
    string? ReplyTo = null,
    string? CtwaClid = null);

/// <summary>Why a message failed: the error type and code of the system that refused it, and whether a retry can help.</summary>
public sealed record MessageError(string Type, string? Code, string Title, string Detail, bool Retryable);

/// <summary>
/// Which stored template an outbound message was sent from (<c>POST /api/templates/{name}/send</c>), kept on its
/// MESSAGE row so template analytics can group sends by name, language and category without parsing the raw JSON;
/// <paramref name="CampaignId"/> names the campaign that sent it, so its statuses count toward the campaign's progress.
/// <paramref name="CodeExpirationMinutes"/> (an authentication template's code expiry) goes to the AUTH_MESSAGE row
/// written with the message, not to the MESSAGE row, so it is not shown with the message's template.
/// </summary>
public sealed record TemplateDetails(string Name, string Language, string? Category, string? CampaignId = null,
    [property: System.Text.Json.Serialization.JsonIgnore] int? CodeExpirationMinutes = null);
