using System.Text.Json;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>The short line a conversation listing shows for its last message.</summary>
public static class MessagePreview
{
    public static string? Of(MessageRecord message)
    {
        if (message.Inbound is { } inbound) return inbound.Summary;
        // Sent messages keep the Cloud API body the hub handed to EUM: show the text a person would see first.
        try
        {
            using var json = JsonDocument.Parse(message.CloudApiJson);
            var root = json.RootElement;
            var text = message.Type switch
            {
                "text" => Member(root, "text", "body"),
                "image" or "video" or "document" => Member(root, message.Type, "caption") ?? Member(root, message.Type, "filename"),
                "template" => Member(root, "template", "name") is { } name ? $"[template {name}]" : null,
                "interactive" => Member(root, "interactive", "body"),
                _ => null,
            };
            return Trim(text ?? $"[{message.Type}]");
        }
        catch (JsonException)
        {
            return $"[{message.Type}]";
        }
    }

    private static string? Member(JsonElement root, string outer, string inner)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(outer, out var o) || o.ValueKind != JsonValueKind.Object) return null;
        if (!o.TryGetProperty(inner, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object when v.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String => t.GetString(),
            _ => null,
        };
    }

    private static string Trim(string text) =>
        text.Length > InboundMessageRecord.MaxSummaryLength
            ? text[..(char.IsHighSurrogate(text[InboundMessageRecord.MaxSummaryLength - 1]) ? InboundMessageRecord.MaxSummaryLength - 1 : InboundMessageRecord.MaxSummaryLength)]
            : text;
}
