using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>The JSON a caller sees for a message (<c>GET /api/messages/{id}</c> and send answers).</summary>
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
    JsonNode? Message)
{
    public static MessageView From(MessageRecord m) => new(
        m.Id, m.Wamid, m.Status.ToWire(), m.Direction.ToString().ToLowerInvariant(), m.PhoneNumberId, m.To, m.Type,
        m.Attempts, m.CreatedAt, m.UpdatedAt, m.SentAt,
        m.Error is { } e ? new MessageErrorView(e.Type, e.Code, e.Title, e.Detail, e.Retryable) : null,
        JsonNode.Parse(m.CloudApiJson));
}

public sealed record MessageErrorView(string Type, string? Code, string Title, string Detail, bool Retryable);
