using Amazon.Runtime.Internal;

namespace WhatsAppHub.Aws.Eum.Pipeline;

internal sealed class SocialMessagingServiceMetadata : IServiceMetadata
{
    public string ServiceId => SocialMessagingConfig.ServiceIdentifier;

    // Request class names already equal the operation names plus "Request"; nothing to map.
    public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
}
