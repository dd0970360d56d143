using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Messaging;

/// <summary>The Cloud API body that marks a received message as read, with an optional typing indicator (§1.9).</summary>
public static class ReadReceipt
{
    public static byte[] ToCloudApiJson(string wamid, bool typingIndicator)
    {
        var json = new JsonObject { ["messaging_product"] = "whatsapp", ["status"] = "read", ["message_id"] = wamid };
        if (typingIndicator) json["typing_indicator"] = new JsonObject { ["type"] = "text" };
        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }
}
