using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>
/// Replaces the SDK's stock endpoint handler (which expects generated rules) and hands the
/// config's region / ServiceURL to <see cref="SocialMessagingEndpointProvider"/>.
/// </summary>
internal sealed class SocialMessagingEndpointResolver : BaseEndpointResolver
{
    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
        SocialMessagingEndpointParameters.From(requestContext.ClientConfig, requestContext.Request.AlternateEndpoint);
}
