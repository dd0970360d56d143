using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Faults;

/// <summary>The recipient of a SendWhatsAppMessage body, read leniently (a broken body simply matches no <c>to</c> rule).</summary>
public static class SendRecipient
{
    public static string? Digits(JsonNode? body)
    {
        if (body?["message"] is not { } blob || blob.GetValueKind() != JsonValueKind.String) return null;
        try
        {
            var message = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(blob.GetValue<string>())));
            return message?["to"] is { } to && to.GetValueKind() == JsonValueKind.String ? FaultPlanReader.Digits(to.GetValue<string>()) : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
