using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// A validated outbound message: the Cloud API JSON to hand to EUM (with <c>messaging_product</c> filled in
/// and the hub's own members removed) and the facts the hub keys and routes it by.
/// </summary>
public sealed record OutboundMessage(string To, string Type, string? SenderPhoneNumberId, JsonObject CloudApiMessage)
{
    /// <summary>True when <see cref="To"/> is a group id rather than a phone number.</summary>
    public bool IsGroup => CloudApiMessage["recipient_type"]?.GetValue<string>() == RecipientRules.Group;

    /// <summary>
    /// Free-form messages (all but templates) to a contact may only go within the contact's 24-hour window. A group
    /// has no single contact whose window could be looked up, so group sends are left to Meta to judge.
    /// </summary>
    public bool NeedsServiceWindow => Type != "template" && !IsGroup;

    /// <summary>The UTF-8 JSON that travels (base64) in EUM's <c>SendWhatsAppMessage.message</c>.</summary>
    public byte[] ToCloudApiJson() => System.Text.Encoding.UTF8.GetBytes(CloudApiMessage.ToJsonString());
}
