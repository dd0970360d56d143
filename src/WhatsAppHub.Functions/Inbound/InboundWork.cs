using System.Text.Json;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>The text of an <c>inbound</c> queue message: <c>{"messageId": …}</c>, the SNS MessageId of a stored event.</summary>
public static class InboundWork
{
    public static string? TryParseMessageId(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= 200 } messageId ? messageId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
