using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>The four parameters of the model's endpoint rule set, read from a client config.</summary>
internal static class SocialMessagingEndpointParameters
{
    public const string Region = "Region";
    public const string UseFips = "UseFIPS";
    public const string UseDualStack = "UseDualStack";
    public const string Endpoint = "Endpoint";

    public static EndpointParameters From(IClientConfig config, RegionEndpoint? alternateRegion)
    {
        var parameters = new EndpointParameters();
        parameters[Region] = (alternateRegion ?? config.RegionEndpoint)?.SystemName;
        parameters[UseFips] = config.UseFIPSEndpoint;
        parameters[UseDualStack] = config.UseDualstackEndpoint;
        parameters[Endpoint] = string.IsNullOrEmpty(config.ServiceURL) ? null : config.ServiceURL;
        return parameters;
    }
}
