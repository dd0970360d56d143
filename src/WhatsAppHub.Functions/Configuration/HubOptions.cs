namespace WhatsAppHub.Functions.Configuration;

/// <summary>Everything the hub reads from configuration, validated once at start-up by <see cref="HubSettingsReader"/>.</summary>
public sealed record HubOptions(string ApiKey, StorageSettings Storage, EumSettings Eum);

/// <summary>
/// Where Table and Queue storage live: a connection string (<c>AzureWebJobsStorage</c>, as Azure Functions names it),
/// or service URIs with an Entra identity (<c>AzureWebJobsStorage__tableServiceUri</c> / <c>__queueServiceUri</c>).
/// </summary>
public sealed record StorageSettings(string? ConnectionString, Uri? TableServiceUri, Uri? QueueServiceUri, string? ManagedIdentityClientId);

/// <summary>How to reach AWS End User Messaging Social and which number sends by default.</summary>
public sealed record EumSettings(
    string Region,
    Uri? ServiceUrl,
    string? AccessKeyId,
    string? SecretAccessKey,
    string? SessionToken,
    string? RoleArn,
    string? WebIdentityAudience,
    Uri? StsServiceUrl,
    string DefaultPhoneNumberId,
    string MetaApiVersion,
    TimeSpan Timeout);
