namespace WhatsAppHub.Functions.Configuration;

/// <summary>Everything the hub reads from configuration, validated once at start-up by <see cref="HubSettingsReader"/>.</summary>
public sealed record HubOptions(string ApiKey, StorageSettings Storage, EumSettings Eum, OutboundSettings Outbound, MediaSettings Media, SnsSettings Sns, InboundSettings Inbound,
    SubscriptionSettings Subscriptions)
{
    public WorkflowSettings Workflows { get; init; } = new(RunPumps: true);
    /// <summary>How campaigns run (<c>POST /api/campaigns</c>).</summary>
    public CampaignSettings Campaigns { get; init; } = new(RunPumps: true, RatePerSecond: 20);
    /// <summary>Payments India: how gateway callbacks are checked.</summary>
    public PaymentSettings Payments { get; init; } = new(CallbackSecret: null);
}

/// <summary>
/// Where Table and Queue storage live: a connection string (<c>AzureWebJobsStorage</c>, as Azure Functions names it),
/// or service URIs with an Entra identity (<c>AzureWebJobsStorage__tableServiceUri</c> / <c>__queueServiceUri</c>).
/// </summary>
/// <param name="PumpCalls">
/// Storage calls the queue pumps of one instance have in flight at once while request handlers use storage
/// (<see cref="Azure.Storage.BackgroundLanes"/>); 0 for no limit; null when not set: 1 against the emulator, no limit
/// against Azure Storage (<see cref="Storage.StorageClients"/>).
/// </param>
public sealed record StorageSettings(string? ConnectionString, Uri? TableServiceUri, Uri? QueueServiceUri, string? ManagedIdentityClientId, int? PumpCalls);

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
    TimeSpan Timeout)
{
    /// <summary>The AWS credentials these settings describe (keys, a role for the Entra token, or the default chain).</summary>
    public Aws.Credentials.AwsCredentialSettings CredentialSettings() =>
        new(AccessKeyId, SecretAccessKey, SessionToken, RoleArn, WebIdentityAudience, StsServiceUrl?.ToString());
}

/// <summary>How the queued send path behaves: pace per number, retries, workers, and the 24-hour window check.</summary>
/// <param name="RatePerSecond">Sends per second per phone number across all hub instances (Meta: 80 by default, up to 1,000).</param>
/// <param name="MaxAttempts">Attempts per message before it fails with its last reason.</param>
/// <param name="Concurrency">EUM calls in flight per hub instance.</param>
/// <param name="RunPumps">False when the Azure Functions host drives the queues (custom-handler mode).</param>
/// <param name="EnforceServiceWindow">Refuse free-form messages outside the contact's 24-hour window (422).</param>
/// <param name="RetryBaseDelay">The ceiling of the first retry's jittered delay; it doubles with every attempt.</param>
/// <param name="RetryMaxDelay">No retry waits longer than this.</param>
/// <param name="ReconcileWindow">How long a send that got no answer waits for a status webhook before it ends failed (outcome unknown).</param>
public sealed record OutboundSettings(int RatePerSecond, int MaxAttempts, int Concurrency, bool RunPumps, bool EnforceServiceWindow,
    TimeSpan RetryBaseDelay, TimeSpan RetryMaxDelay, TimeSpan ReconcileWindow);

/// <summary>The S3 bucket that holds media for EUM. Credentials left empty fall back to the EUM ones.</summary>
/// <param name="Bucket">Null when not configured: the media endpoints then answer 503.</param>
/// <param name="ServiceUrl">An S3-compatible endpoint (s3rver locally); null on AWS.</param>
public sealed record MediaSettings(string? Bucket, string KeyPrefix, Uri? ServiceUrl, string? Region, string? AccessKeyId, string? SecretAccessKey)
{
    /// <summary>Where media contacts send is downloaded; null (no bucket at all) turns the downloads off.</summary>
    public string? InboundBucket { get; init; }

    public string InboundKeyPrefix { get; init; } = "inbound/";

    /// <summary>How long a URL from <c>GET /api/media/{id}</c> lets its holder read the file.</summary>
    public TimeSpan PresignedUrlLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts per inbound media download before it ends failed with its last reason.</summary>
    public int DownloadMaxAttempts { get; init; } = 10;

    /// <summary>The first retry's delay; it doubles with every attempt, up to five minutes.</summary>
    public TimeSpan DownloadRetryDelay { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>Who may post to <c>/api/eum/events</c>: the allowed topic ARNs and, for the sandbox only, a trusted test origin.</summary>
/// <param name="TrustedTestOrigin">Null unless configured: only SNS's own hosts are trusted.</param>
public sealed record SnsSettings(IReadOnlySet<string> AllowedTopicArns, Aws.Sns.SnsTrustedTestOrigin? TrustedTestOrigin);

/// <summary>How the inbound path runs.</summary>
/// <param name="RunPumps">False when the Azure Functions host triggers on the <c>inbound</c> queue (custom-handler mode).</param>
public sealed record InboundSettings(bool RunPumps);

/// <summary>How events reach subscribers (<c>POST /api/subscriptions</c>).</summary>
/// <param name="RunPumps">False when the Azure Functions host triggers on the <c>deliveries</c> queue (custom-handler mode).</param>
/// <param name="AllowHttpLoopback">Accept http endpoints on a loopback host (local receivers); https is required otherwise.</param>
/// <param name="Timeout">How long one delivery attempt may take before it counts as failed.</param>
/// <param name="MaxAttempts">Attempts per delivery before it is dead-lettered.</param>
/// <param name="FirstRetryDelay">The wait before the second attempt; it doubles with every attempt (capped at an hour), with jitter.</param>
public sealed record SubscriptionSettings(bool RunPumps, bool AllowHttpLoopback, TimeSpan Timeout, int MaxAttempts, TimeSpan FirstRetryDelay);

/// <summary>The workflow runner (DESIGN.md §6).</summary>
/// <param name="RunPumps">False when the Azure Functions host triggers on the <c>workflows</c> queue (custom-handler mode).</param>
public sealed record WorkflowSettings(bool RunPumps);

/// <summary>How campaigns run.</summary>
/// <param name="RunPumps">False when the Azure Functions host triggers on the <c>campaigns</c> queue (custom-handler mode).</param>
/// <param name="RatePerSecond">Recipients a campaign queues per second when it names no rate (at most <c>Outbound:RatePerSecond</c>).</param>
public sealed record CampaignSettings(bool RunPumps, int RatePerSecond);

/// <summary>Payments India (PAYMENT_CONFIG, PAYMENT).</summary>
/// <param name="CallbackSecret">What gateway callbacks are signed with (HMAC-SHA256); null turns the callback route off.</param>
public sealed record PaymentSettings(string? CallbackSecret);
