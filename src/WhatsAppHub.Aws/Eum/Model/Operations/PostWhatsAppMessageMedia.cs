using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Uploads media from S3 to WhatsApp. Give exactly one source.</summary>
public sealed class PostWhatsAppMessageMediaRequest : AmazonWebServiceRequest
{
    public required string OriginationPhoneNumberId { get; set; }

    public S3PresignedUrl? SourceS3PresignedUrl { get; set; }

    public S3File? SourceS3File { get; set; }
}

public sealed class PostWhatsAppMessageMediaResponse : AmazonWebServiceResponse
{
    public string? MediaId { get; set; }
}
