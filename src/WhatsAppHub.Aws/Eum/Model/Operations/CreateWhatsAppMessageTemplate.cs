using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class CreateWhatsAppMessageTemplateRequest : AmazonWebServiceRequest
{
    /// <summary>The UTF-8 JSON of Meta's template object (sent base64).</summary>
    public required byte[] TemplateDefinition { get; set; }

    public required string Id { get; set; }
}

public sealed class CreateWhatsAppMessageTemplateResponse : AmazonWebServiceResponse
{
    public string? MetaTemplateId { get; set; }

    public string? TemplateStatus { get; set; }

    public string? Category { get; set; }
}
