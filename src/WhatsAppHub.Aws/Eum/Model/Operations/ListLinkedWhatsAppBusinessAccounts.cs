using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class ListLinkedWhatsAppBusinessAccountsRequest : AmazonWebServiceRequest
{
    public string? NextToken { get; set; }

    /// <summary>1 to 100.</summary>
    public int? MaxResults { get; set; }
}

public sealed class ListLinkedWhatsAppBusinessAccountsResponse : AmazonWebServiceResponse
{
    public List<LinkedWhatsAppBusinessAccountSummary> LinkedAccounts { get; set; } = [];

    public string? NextToken { get; set; }
}
