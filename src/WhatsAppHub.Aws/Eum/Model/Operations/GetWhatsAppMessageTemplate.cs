using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Identify the template by <see cref="MetaTemplateId"/>, or by name and language.</summary>
public sealed class GetWhatsAppMessageTemplateRequest : AmazonWebServiceRequest
{
    public string? MetaTemplateId { get; set; }

    public required string Id { get; set; }

    public string? TemplateName { get; set; }

    public string? TemplateLanguageCode { get; set; }
}

public sealed class GetWhatsAppMessageTemplateResponse : AmazonWebServiceResponse
{
    /// <summary>The template JSON as plain text (not base64).</summary>
    public string? Template { get; set; }
}
