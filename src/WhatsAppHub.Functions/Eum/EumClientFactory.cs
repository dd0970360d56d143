using Amazon;
using Azure.Identity;
using WhatsAppHub.Aws.Credentials;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Eum;

/// <summary>Builds the EUM client from the validated settings: the sandbox or a Region endpoint, keys, a role or the default chain.</summary>
public static class EumClientFactory
{
    public static SocialMessagingClient Create(EumSettings settings)
    {
        var config = new SocialMessagingConfig { Timeout = settings.Timeout };
        if (settings.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        var credentialSettings = settings.CredentialSettings();
        // An Entra identity is only needed to assume a role; otherwise the keys or the SDK's chain decide.
        var azureCredential = settings.RoleArn is not null && settings.AccessKeyId is null ? new DefaultAzureCredential() : null;
        return new SocialMessagingClient(AwsCredentialsFactory.Create(credentialSettings, settings.Region, azureCredential), config);
    }
}
