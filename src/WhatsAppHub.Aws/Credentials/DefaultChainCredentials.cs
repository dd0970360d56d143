using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace WhatsAppHub.Aws.Credentials;

/// <summary>
/// The SDK's default credential chain (environment, profile, web identity file, container, instance),
/// looked up on first use rather than at construction, so a host starts even where the chain finds
/// nothing yet (the error then comes with the first AWS call).
/// </summary>
public sealed class DefaultChainCredentials : AWSCredentials
{
    // PublicationOnly: a failed lookup is not cached, so credentials that appear later are still found.
    private readonly Lazy<AWSCredentials> _resolved = new(
        () => DefaultAWSCredentialsIdentityResolver.GetCredentials(null), LazyThreadSafetyMode.PublicationOnly);

    public override ImmutableCredentials GetCredentials() => _resolved.Value.GetCredentials();

    public override Task<ImmutableCredentials> GetCredentialsAsync() => _resolved.Value.GetCredentialsAsync();
}
