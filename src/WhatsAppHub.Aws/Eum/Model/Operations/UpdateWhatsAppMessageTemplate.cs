using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class UpdateWhatsAppMessageTemplateRequest : AmazonWebServiceRequest
{
    public required string Id { get; set; }

    public string? MetaTemplateId { get; set; }

    public string? TemplateName { get; set; }

    public string? TemplateLanguageCode { get; set; }

    /// <summary><c>named</c> or <c>positional</c>.</summary>
    public string? ParameterFormat { get; set; }

    public string? TemplateCategory { get; set; }

    /// <summary>The UTF-8 JSON of the components (sent base64).</summary>
    public byte[]? TemplateComponents { get; set; }

    public bool? CtaUrlLinkTrackingOptedOut { get; set; }
}

public sealed class UpdateWhatsAppMessageTemplateResponse : AmazonWebServiceResponse
{
}
