using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class GetLinkedWhatsAppBusinessAccountRequest : AmazonWebServiceRequest
{
    /// <summary><c>waba-…</c> or the WABA's ARN.</summary>
    public required string Id { get; set; }
}

public sealed class GetLinkedWhatsAppBusinessAccountResponse : AmazonWebServiceResponse
{
    public LinkedWhatsAppBusinessAccount? Account { get; set; }
}
