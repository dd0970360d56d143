using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Uploads template header media from S3; the answer is Meta's handle for the template definition.</summary>
public sealed class CreateWhatsAppMessageTemplateMediaRequest : AmazonWebServiceRequest
{
    public required string Id { get; set; }

    public S3File? SourceS3File { get; set; }
}

public sealed class CreateWhatsAppMessageTemplateMediaResponse : AmazonWebServiceResponse
{
    public string? MetaHeaderHandle { get; set; }
}
