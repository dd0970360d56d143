using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Sends one WhatsApp message. Not idempotent: the client never resends it on its own.</summary>
public sealed class SendWhatsAppMessageRequest : AmazonWebServiceRequest
{
    /// <summary><c>phone-number-id-…</c> or the phone number's ARN.</summary>
    public required string OriginationPhoneNumberId { get; set; }

    /// <summary>The UTF-8 JSON of Meta's Cloud API message object (sent base64). @sensitive.</summary>
    public required byte[] Message { get; set; }

    /// <summary>Meta Graph API version, e.g. <c>v20.0</c>.</summary>
    public required string MetaApiVersion { get; set; }
}

public sealed class SendWhatsAppMessageResponse : AmazonWebServiceResponse
{
    /// <summary>The WhatsApp message id (wamid).</summary>
    public string? MessageId { get; set; }
}
