using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class ListWhatsAppMessageTemplatesRequest : AmazonWebServiceRequest
{
    public required string Id { get; set; }

    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }
}

public sealed class ListWhatsAppMessageTemplatesResponse : AmazonWebServiceResponse
{
    public List<TemplateSummary> Templates { get; set; } = [];

    public string? NextToken { get; set; }
}
