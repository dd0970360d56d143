using WhatsAppHub.Aws.Credentials;
using WhatsAppHub.Aws.Media;
using WhatsAppHub.Functions.Configuration;
using Azure.Identity;

namespace WhatsAppHub.Functions.Media;

/// <summary>Builds the S3 media store from the settings; S3 keys of its own, or the same credentials as EUM.</summary>
public static class MediaStoreFactory
{
    public static S3MediaStore Create(MediaSettings media, EumSettings eum)
    {
        var region = media.Region ?? eum.Region;
        var credentials = media.AccessKeyId is not null
            ? new AwsCredentialSettings(media.AccessKeyId, media.SecretAccessKey, null, null, null, null)
            : eum.CredentialSettings();
        var azureCredential = credentials.RoleArn is not null && credentials.AccessKeyId is null ? new DefaultAzureCredential() : null;
        return new S3MediaStore(new S3MediaStoreOptions(media.Bucket ?? string.Empty, region, media.ServiceUrl,
            AwsCredentialsFactory.Create(credentials, region, azureCredential), TimeSpan.FromMinutes(5)));
    }
}
