using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Deletes a media object from WhatsApp (not from S3).</summary>
public sealed class DeleteWhatsAppMessageMediaRequest : AmazonWebServiceRequest
{
    public required string MediaId { get; set; }

    public required string OriginationPhoneNumberId { get; set; }
}

public sealed class DeleteWhatsAppMessageMediaResponse : AmazonWebServiceResponse
{
    public bool? Success { get; set; }
}
