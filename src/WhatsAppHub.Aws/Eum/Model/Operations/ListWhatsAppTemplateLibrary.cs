using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Browses Meta's template library. <see cref="Id"/> travels in the query, the rest in the body.</summary>
public sealed class ListWhatsAppTemplateLibraryRequest : AmazonWebServiceRequest
{
    public string? NextToken { get; set; }

    public int? MaxResults { get; set; }

    public required string Id { get; set; }

    /// <summary>Keys such as searchKey, topic, usecase, industry, language.</summary>
    public Dictionary<string, string>? Filters { get; set; }
}

public sealed class ListWhatsAppTemplateLibraryResponse : AmazonWebServiceResponse
{
    public List<MetaLibraryTemplateDefinition> MetaLibraryTemplates { get; set; } = [];

    public string? NextToken { get; set; }
}
