using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class CreateWhatsAppMessageTemplateFromLibraryRequest : AmazonWebServiceRequest
{
    public required MetaLibraryTemplate MetaLibraryTemplate { get; set; }

    public required string Id { get; set; }
}

public sealed class CreateWhatsAppMessageTemplateFromLibraryResponse : AmazonWebServiceResponse
{
    public string? MetaTemplateId { get; set; }

    public string? TemplateStatus { get; set; }

    public string? Category { get; set; }
}
