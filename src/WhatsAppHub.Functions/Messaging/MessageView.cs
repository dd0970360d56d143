using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// The JSON a caller sees for a message (<c>GET /api/messages/{id}</c> and send answers). A received message has
/// <c>direction</c> inbound, <c>from</c> (<see cref="Sender"/>: the contact's wa_id), <c>contactName</c> and <c>summary</c>; its <c>to</c>
/// is the business's display number and <c>message</c> the item exactly as Meta sent it. <c>GET</c> adds a template send's
/// <c>marketing</c> or <c>authentication</c> row (<see cref="TemplateSendRows"/>).
/// </summary>
public sealed record MessageView(
    string Id,
    string? Wamid,
    string Status,
    string Direction,
    string PhoneNumberId,
    string To,
    string Type,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    MessageErrorView? Error,
    JsonNode? Message,
    [property: JsonPropertyName("from")] string? Sender = null,
    string? ContactName = null,
    string? Summary = null,
    string? PricingCategory = null,
    string? ConversationId = null,
    TemplateDetails? Template = null,
    MarketingMessageView? Marketing = null,
    AuthMessageView? Authentication = null)
{
    public static MessageView From(MessageRecord m) => new(
        m.Id, m.Wamid, m.Status.ToWire(), m.Direction.ToString().ToLowerInvariant(), m.PhoneNumberId, m.To, m.Type,
        m.Attempts, m.CreatedAt, m.UpdatedAt, m.SentAt,
        m.Error is { } e ? new MessageErrorView(e.Type, e.Code, e.Title, e.Detail, e.Retryable) : null,
        JsonNode.Parse(m.CloudApiJson),
        m.Inbound?.From, m.Inbound?.ContactName, m.Inbound?.Summary, m.PricingCategory, m.ConversationId, m.Template);
}

public sealed record MessageErrorView(string Type, string? Code, string Title, string Detail, bool Retryable);
