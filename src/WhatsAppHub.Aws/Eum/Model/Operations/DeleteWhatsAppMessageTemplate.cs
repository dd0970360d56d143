using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class DeleteWhatsAppMessageTemplateRequest : AmazonWebServiceRequest
{
    public string? MetaTemplateId { get; set; }

    /// <summary>True deletes every language version. Travels as the query parameter <c>deleteAllTemplates</c>.</summary>
    public bool? DeleteAllLanguages { get; set; }

    public required string Id { get; set; }

    public required string TemplateName { get; set; }
}

public sealed class DeleteWhatsAppMessageTemplateResponse : AmazonWebServiceResponse
{
}
