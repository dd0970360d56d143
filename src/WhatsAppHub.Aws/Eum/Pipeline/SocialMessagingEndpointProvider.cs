using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>
/// The model's endpoint rules (smithy.rules#endpointRuleSet), restated: a custom endpoint wins as is;
/// otherwise <c>https://social-messaging[-fips].{region}.{dnsSuffix}</c> with the partition's suffix.
/// </summary>
internal sealed class SocialMessagingEndpointProvider : IEndpointProvider
{
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters[SocialMessagingEndpointParameters.Region] as string;
        var useFips = parameters[SocialMessagingEndpointParameters.UseFips] as bool? ?? false;
        var useDualStack = parameters[SocialMessagingEndpointParameters.UseDualStack] as bool? ?? false;
        var custom = parameters[SocialMessagingEndpointParameters.Endpoint] as string;

        if (!string.IsNullOrEmpty(custom))
        {
            if (useFips) throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
            if (useDualStack) throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
            return new Endpoint(custom);
        }

        if (string.IsNullOrEmpty(region))
            throw new AmazonClientException("Invalid Configuration: Missing Region");

        var partition = AwsPartition.Of(region);
        var suffix = useDualStack
            ? partition.DualStackDnsSuffix ?? throw new AmazonClientException(
                "DualStack is enabled but this partition does not support DualStack")
            : partition.DnsSuffix;
        var host = useFips ? $"{SocialMessagingConfig.SigningName}-fips" : SocialMessagingConfig.SigningName;
        return new Endpoint($"https://{host}.{region}.{suffix}");
    }
}
