using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class UntagResourceRequest : AmazonWebServiceRequest
{
    public required string ResourceArn { get; set; }

    public required List<string> TagKeys { get; set; }
}

public sealed class UntagResourceResponse : AmazonWebServiceResponse
{
    /// <summary>A body field, not the HTTP status.</summary>
    public int? StatusCode { get; set; }
}
