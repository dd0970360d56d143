using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>
/// The per-mode defaults <see cref="ClientConfig"/> asks for. Every mode uses the SDK's standard retry mode;
/// timeouts stay at the SDK's own defaults (the HTTP client's), which suit a long-running hub.
/// </summary>
internal static class SocialMessagingDefaultConfigurations
{
    public static readonly IDefaultConfigurationProvider Provider = new DefaultConfigurationProvider(
        Enum.GetValues<DefaultConfigurationMode>().Select(mode => new DefaultConfiguration
        {
            Name = mode,
            RetryMode = RequestRetryMode.Standard,
        }).ToArray());
}
