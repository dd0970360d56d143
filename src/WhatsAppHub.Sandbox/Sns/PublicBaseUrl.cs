using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>
/// The sandbox's own base URL for links it hands out (SigningCertURL, UnsubscribeURL): the configured
/// <c>Sandbox:PublicBaseUrl</c>, else the first address Kestrel really bound (known only after start,
/// which matters when tests ask for port 0).
/// </summary>
public sealed class PublicBaseUrl(IServer server, IOptions<SandboxOptions> options)
{
    public string Value
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            return (address ?? SandboxOptions.DefaultUrl).TrimEnd('/');
        }
    }
}
