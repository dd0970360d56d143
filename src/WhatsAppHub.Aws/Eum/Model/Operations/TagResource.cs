using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class TagResourceRequest : AmazonWebServiceRequest
{
    public required string ResourceArn { get; set; }

    public required List<Tag> Tags { get; set; }
}

public sealed class TagResourceResponse : AmazonWebServiceResponse
{
    /// <summary>A body field, not the HTTP status.</summary>
    public int? StatusCode { get; set; }
}
