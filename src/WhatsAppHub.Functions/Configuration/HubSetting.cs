namespace WhatsAppHub.Functions.Configuration;

/// <summary>
/// One setting the hub reads. <see cref="Key"/> is the configuration key (<c>Eum:Region</c>); <see cref="EnvironmentName"/>
/// is how app settings and environment variables spell it (<c>Eum__Region</c>). The list is the single source for the
/// README's configuration table, <c>local.settings.sample.json</c> and the Bicep app settings (a test keeps them in step).
/// </summary>
public sealed record HubSetting(string Key, string Description, string? LocalDefault)
{
    public string EnvironmentName => Key.Replace(":", "__", StringComparison.Ordinal);

    public static IReadOnlyList<HubSetting> All { get; } =
    [
        new("Hub:ApiKey", "Function key callers send in x-functions-key or ?code= (required).", "local-dev-key"),
        new("AzureWebJobsStorage", "Storage connection string for tables and queues (or use the two service URIs below).", "UseDevelopmentStorage=true"),
        new("AzureWebJobsStorage:tableServiceUri", "Table endpoint when storage is reached with an Entra identity instead of a key.", null),
        new("AzureWebJobsStorage:queueServiceUri", "Queue endpoint when storage is reached with an Entra identity instead of a key.", null),
        new("AzureWebJobsStorage:clientId", "Client id of a user-assigned managed identity for storage (optional).", null),
        new("Pumps:StorageCalls", "Storage calls the queue pumps of one hub instance (sends, inbound events, workflows, campaigns, deliveries, media) have in flight at once while API requests use storage; requests' calls never wait for them (0-256, 0 = no limit). Unset: 1 against the emulator, whose one event loop serves calls in turn, so an accept does not queue behind a send worker's transactions; no limit against Azure Storage.", "1"),
        new("Eum:Region", "AWS Region of the EUM Social account, e.g. us-east-1 (required).", "us-east-1"),
        new("Eum:ServiceUrl", "EUM endpoint override; the local sandbox in development, empty on AWS.", "http://127.0.0.1:7072"),
        new("Eum:AccessKeyId", "AWS access key id (with Eum:SecretAccessKey); empty to use the default chain or Eum:RoleArn.", "AKIASANDBOX000000001"),
        new("Eum:SecretAccessKey", "AWS secret access key (keep it in Key Vault on Azure).", "sandbox-local-secret-not-for-aws"),
        new("Eum:SessionToken", "Session token for temporary keys (optional).", null),
        new("Eum:RoleArn", "IAM role assumed with the app's Entra token (AssumeRoleWithWebIdentity) when no keys are set.", null),
        new("Eum:WebIdentityAudience", "Entra application id URI the AWS OIDC provider trusts (default api://AzureADTokenExchange).", null),
        new("Eum:StsServiceUrl", "STS endpoint override (optional).", null),
        new("Eum:DefaultPhoneNumberId", "EUM phone number id that sends when a request names none (required).", "phone-number-id-0123456789abcdef0123456789abcdef"),
        new("Eum:MetaApiVersion", "Meta Graph API version passed to SendWhatsAppMessage.", "v20.0"),
        new("Eum:TimeoutSeconds", "Time-out of one EUM call in seconds.", "10"),
        new("Outbound:RatePerSecond", "Sends per second per phone number, held across all hub instances (1-1000; Meta's default tier is 80).", "80"),
        new("Outbound:MaxAttempts", "Attempts per message before it fails with its last reason (1-50).", "8"),
        new("Outbound:Concurrency", "EUM calls in flight per hub instance (1-512).", "64"),
        new("Outbound:RunPumps", "true: this process drains the outbound queue; false when the Functions host triggers on it.", "true"),
        new("Inbound:RunPumps", "true: this process drains the inbound and media-download queues (status webhooks, contacts' messages and media); false when the Functions host triggers on them.", "true"),
        new("Workflows:RunPumps", "true: this process drains the workflows queue (welcome sequences and other waiting work); false when the Functions host triggers on it.", "true"),
        new("Outbound:EnforceServiceWindow", "true: refuse free-form messages outside the contact's 24-hour window.", "true"),
        new("Outbound:RetryBaseDelayMs", "Ceiling of the first retry's random delay in ms, doubled per attempt (0-60000; queue delays round up to whole seconds).", "1000"),
        new("Outbound:RetryMaxDelaySeconds", "Longest wait before a retry, in seconds (1-86400).", "300"),
        new("Outbound:ReconcileSeconds", "How long a send EUM never answered waits for a status webhook before it ends failed as OutcomeUnknown (1-3600).", "90"),
        new("Campaigns:RunPumps", "true: this process drains the campaigns queue (paced campaign sends); false when the Functions host triggers on it.", "true"),
        new("Campaigns:RatePerSecond", "Recipients a campaign queues per second when it names no ratePerSecond (1-1000, at most Outbound:RatePerSecond).", "20"),
        new("Media:Bucket", "S3 bucket where uploaded media is kept for EUM to read; empty turns the media endpoints off (503).", "whatsapphub-media"),
        new("Media:KeyPrefix", "Key prefix of uploaded media in the bucket.", "media/"),
        new("Media:InboundBucket", "S3 bucket where media contacts send is downloaded; empty means Media:Bucket.", null),
        new("Media:InboundKeyPrefix", "Key prefix of downloaded inbound media: {prefix}{phoneNumberId}/{yyyy}/{MM}/{dd}/{mediaId}{extension}.", "inbound/"),
        new("Media:PresignedUrlMinutes", "Lifetime in minutes of the download URL GET /api/media/{id} answers with (1-10080; S3 caps presigned URLs at 7 days).", "15"),
        new("Media:DownloadMaxAttempts", "Attempts per inbound media download before it ends failed with its last reason (1-50).", "10"),
        new("Media:DownloadRetrySeconds", "Delay before the first retry of a failed download in seconds, doubled per attempt up to 5 minutes (1-3600).", "5"),
        new("Media:S3ServiceUrl", "S3 endpoint override (path-style); s3rver in development, empty on AWS.", "http://127.0.0.1:4568"),
        new("Media:Region", "AWS Region of the bucket; empty means Eum:Region.", null),
        new("Media:AccessKeyId", "AWS access key id for S3; empty to use the EUM credentials (keys, role or default chain).", "S3RVER"),
        new("Media:SecretAccessKey", "AWS secret access key for S3 (with Media:AccessKeyId).", "S3RVER"),
        new("Sns:AllowedTopicArns", "Comma-separated SNS topic ARNs whose messages POST /api/eum/events accepts (and whose subscriptions it confirms); empty refuses all.", "arn:aws:sns:us-east-1:123456789012:whatsapphub-events"),
        new("Sns:TrustedTestCertificateHost", "A non-AWS host (host or host:port) trusted for SigningCertURL and SubscribeURL, over http too: the local sandbox only. Empty on Azure.", "127.0.0.1:7072"),
        new("Subscriptions:RunPumps", "true: this process drains the deliveries queue (events to subscribers); false when the Functions host triggers on it.", "true"),
        new("Subscriptions:AllowHttpLoopback", "true: subscriptions may use http to a loopback host (local receivers); https is required otherwise. Never on Azure.", "true"),
        new("Subscriptions:TimeoutSeconds", "How long one delivery to a subscriber may take before it counts as failed, in seconds (1-120).", "10"),
        new("Subscriptions:MaxAttempts", "Attempts per delivery before it is dead-lettered (1-50).", "8"),
        new("Payments:CallbackSecret", "Secret payment gateways sign their callbacks to POST /api/payments/{id}/status with (HMAC-SHA256 of the body in X-WhatsAppHub-Signature); empty turns the callback route off (503).", "local-payments-callback-secret"),
        new("Subscriptions:FirstRetrySeconds", "Wait before a delivery's second attempt in seconds, doubled per attempt with jitter, capped at 1 h (1-3600).", "5"),
    ];
}
