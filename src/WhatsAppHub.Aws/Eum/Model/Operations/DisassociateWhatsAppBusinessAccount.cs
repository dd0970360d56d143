using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class DisassociateWhatsAppBusinessAccountRequest : AmazonWebServiceRequest
{
    public required string Id { get; set; }
}

public sealed class DisassociateWhatsAppBusinessAccountResponse : AmazonWebServiceResponse
{
}
