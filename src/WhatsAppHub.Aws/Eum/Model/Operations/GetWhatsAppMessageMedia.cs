using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Copies an inbound media object from WhatsApp to S3 (or only reads its metadata). A POST despite the name.</summary>
public sealed class GetWhatsAppMessageMediaRequest : AmazonWebServiceRequest
{
    public required string MediaId { get; set; }

    public required string OriginationPhoneNumberId { get; set; }

    public bool? MetadataOnly { get; set; }

    public S3PresignedUrl? DestinationS3PresignedUrl { get; set; }

    public S3File? DestinationS3File { get; set; }
}

public sealed class GetWhatsAppMessageMediaResponse : AmazonWebServiceResponse
{
    public string? MimeType { get; set; }

    /// <summary>As EUM reports it (documented as KB).</summary>
    public long? FileSize { get; set; }
}
