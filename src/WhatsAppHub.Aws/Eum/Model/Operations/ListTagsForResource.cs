using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class ListTagsForResourceRequest : AmazonWebServiceRequest
{
    public required string ResourceArn { get; set; }
}

public sealed class ListTagsForResourceResponse : AmazonWebServiceResponse
{
    /// <summary>A body field, not the HTTP status.</summary>
    public int? StatusCode { get; set; }

    public List<Tag> Tags { get; set; } = [];
}
