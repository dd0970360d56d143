using Amazon;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Azure.Core;

namespace WhatsAppHub.Aws.Credentials;

/// <summary>Picks the AWS credentials the settings describe (static keys, Entra web identity, or the default chain).</summary>
public static class AwsCredentialsFactory
{
    public static AWSCredentials Create(AwsCredentialSettings settings, string region, TokenCredential? azureCredential = null)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var hasKeyId = !string.IsNullOrWhiteSpace(settings.AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(settings.SecretAccessKey);
        if (hasKeyId != hasSecret)
        {
            // Half a key pair is a typo, not a request for the default chain: say so at startup.
            throw new ArgumentException("AWS AccessKeyId and SecretAccessKey must be set together.", nameof(settings));
        }

        if (hasKeyId)
        {
            return string.IsNullOrWhiteSpace(settings.SessionToken)
                ? new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey)
                : new SessionAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey, settings.SessionToken);
        }

        if (!string.IsNullOrWhiteSpace(settings.RoleArn) && azureCredential is not null)
        {
            var audience = string.IsNullOrWhiteSpace(settings.WebIdentityAudience)
                ? AwsCredentialSettings.DefaultWebIdentityAudience
                : settings.WebIdentityAudience.TrimEnd('/');
            return new EntraWebIdentityCredentials(
                azureCredential,
                scope: $"{audience}/.default",
                settings.RoleArn,
                settings.RoleSessionName ?? RoleSessionNames.ForThisMachine(),
                CreateStsClient(settings, region));
        }

        // A RoleArn without an Azure credential also lands here: the SDK's own chain reads
        // AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE, the other way to run web identity.
        return new DefaultChainCredentials();
    }

    // AssumeRoleWithWebIdentity is an unsigned call: the Entra token is the proof, so no AWS keys are needed.
    private static AmazonSecurityTokenServiceClient CreateStsClient(AwsCredentialSettings settings, string region)
    {
        var config = new AmazonSecurityTokenServiceConfig();
        if (!string.IsNullOrWhiteSpace(settings.StsServiceUrl))
        {
            config.ServiceURL = settings.StsServiceUrl;
            if (!string.IsNullOrWhiteSpace(region)) config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(string.IsNullOrWhiteSpace(region) ? "us-east-1" : region);
        }
        return new AmazonSecurityTokenServiceClient(new AnonymousAWSCredentials(), config);
    }
}
