using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// A validated outbound message: the Cloud API JSON to hand to EUM (with <c>messaging_product</c> filled in
/// and the hub's own members removed) and the facts the hub keys and routes it by.
/// </summary>
public sealed record OutboundMessage(string To, string Type, string? SenderPhoneNumberId, JsonObject CloudApiMessage)
{
    /// <summary>The UTF-8 JSON that travels (base64) in EUM's <c>SendWhatsAppMessage.message</c>.</summary>
    /// <summary>Free-form messages (all but templates) may only go within the contact's 24-hour window.</summary>
    public bool NeedsServiceWindow => Type != "template";

    public byte[] ToCloudApiJson() => System.Text.Encoding.UTF8.GetBytes(CloudApiMessage.ToJsonString());
}
