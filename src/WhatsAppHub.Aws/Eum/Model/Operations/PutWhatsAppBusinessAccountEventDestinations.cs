using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Sets the WABA's event destination (at most one).</summary>
public sealed class PutWhatsAppBusinessAccountEventDestinationsRequest : AmazonWebServiceRequest
{
    public required string Id { get; set; }

    public required List<WhatsAppBusinessAccountEventDestination> EventDestinations { get; set; }
}

public sealed class PutWhatsAppBusinessAccountEventDestinationsResponse : AmazonWebServiceResponse
{
}
