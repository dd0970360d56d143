using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// The text of an <c>outbound</c> queue message: only the message id. The MESSAGE row is the truth about what to send
/// and how far it got, so a redelivered or duplicated queue message can never send stale content.
/// </summary>
public sealed record OutboundWork([property: JsonPropertyName("id")] string MessageId)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static OutboundWork? TryParse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<OutboundWork>(text) is { MessageId.Length: > 0 } work ? work : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
