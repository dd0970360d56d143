using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Util.Internal;
using WhatsAppHub.Aws.Eum.Pipeline;

namespace WhatsAppHub.Aws.Eum;

/// <summary>
/// Configuration of <see cref="SocialMessagingClient"/>. Set <see cref="ClientConfig.RegionEndpoint"/> to reach
/// <c>https://social-messaging.{region}.amazonaws.com</c>, or <see cref="ClientConfig.ServiceURL"/> (plus
/// <see cref="ClientConfig.AuthenticationRegion"/>, the region to sign for) to reach a local sandbox.
/// </summary>
public sealed class SocialMessagingConfig : ClientConfig
{
    /// <summary>The SigV4 signing name and endpoint prefix (with the hyphen; "socialmessaging" is only the model's namespace).</summary>
    public const string SigningName = "social-messaging";

    /// <summary>The model's <c>sdkId</c>.</summary>
    public const string ServiceIdentifier = "SocialMessaging";

    public const string ApiVersion = "2024-01-01";

    private static readonly string AgentString =
        InternalSDKUtils.BuildUserAgentString(ServiceIdentifier, typeof(SocialMessagingConfig).Assembly.GetName().Version?.ToString() ?? "1.0.0");

    public SocialMessagingConfig()
        : base(SocialMessagingDefaultConfigurations.Provider)
    {
        ServiceId = ServiceIdentifier;
        AuthenticationServiceName = SigningName;
        EndpointProvider = new SocialMessagingEndpointProvider();
    }

    public override string ServiceVersion => ApiVersion;

    public override string UserAgent => AgentString;

    public override string RegionEndpointServiceName => SigningName;

    /// <summary>
    /// Resolves the endpoint without sending anything (also what the SDK asks when it needs the URL early).
    /// </summary>
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
        EndpointProvider.ResolveEndpoint(SocialMessagingEndpointParameters.From(this, parameters?.AlternateEndpoint));

    /// <summary>The URL requests of this configuration go to.</summary>
    public Uri ResolveEndpointUri() =>
        new(EndpointProvider.ResolveEndpoint(SocialMessagingEndpointParameters.From(this, alternateRegion: null)).URL);
}
