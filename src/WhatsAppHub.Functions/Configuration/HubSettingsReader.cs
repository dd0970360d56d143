using System.Globalization;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Configuration;

/// <summary>
/// Reads and checks every setting once, at start-up, and reports all problems together, naming each setting
/// the way an app setting spells it, so a misconfigured deployment fails at once with a clear message
/// instead of at its first request.
/// </summary>
public static partial class HubSettingsReader
{
    public static HubOptions Read(IConfiguration configuration)
    {
        var problems = new List<string>();

        var apiKey = Required(configuration, "Hub:ApiKey", problems);
        if (apiKey is { Length: < 12 })
            problems.Add("Hub__ApiKey is too short: use at least 12 characters.");

        var storage = ReadStorage(configuration, problems);
        var eum = ReadEum(configuration, problems);
        var outbound = ReadOutbound(configuration, problems);
        var media = ReadMedia(configuration, problems);
        var sns = ReadSns(configuration, problems);
        var subscriptions = ReadSubscriptions(configuration, problems);
        var workflows = new WorkflowSettings(RunPumps: Flag(configuration, "Workflows:RunPumps", true, problems));
        var inbound = new InboundSettings(RunPumps: Flag(configuration, "Inbound:RunPumps", true, problems));
        var campaigns = ReadCampaigns(configuration, outbound, problems);

        if (problems.Count > 0) throw new HubConfigurationException(problems);
        return new HubOptions(apiKey!, storage, eum!, outbound, media, sns, inbound, subscriptions)
        {
            Workflows = workflows,
            Campaigns = campaigns,
            Payments = new PaymentSettings(CallbackSecret: Optional(configuration, "Payments:CallbackSecret")),
        };
    }

    private static StorageSettings ReadStorage(IConfiguration configuration, List<string> problems)
    {
        // Azure Functions keeps the connection string in the section's own value and identity-based settings beneath it.
        var connectionString = Optional(configuration, "AzureWebJobsStorage");
        var tableUri = OptionalUri(configuration, "AzureWebJobsStorage:tableServiceUri", problems);
        var queueUri = OptionalUri(configuration, "AzureWebJobsStorage:queueServiceUri", problems);
        var clientId = Optional(configuration, "AzureWebJobsStorage:clientId");
        if (connectionString is null && (tableUri is null || queueUri is null))
            problems.Add("AzureWebJobsStorage is missing: set a storage connection string (UseDevelopmentStorage=true for Azurite), " +
                         "or both AzureWebJobsStorage__tableServiceUri and AzureWebJobsStorage__queueServiceUri for an Entra identity.");
        var pumpCalls = Optional(configuration, "Pumps:StorageCalls") is null ? (int?)null : Integer(configuration, "Pumps:StorageCalls", 0, 0, 256, problems);
        return new StorageSettings(connectionString, tableUri, queueUri, clientId, pumpCalls);
    }

    private static EumSettings? ReadEum(IConfiguration configuration, List<string> problems)
    {
        var region = Required(configuration, "Eum:Region", problems);
        if (region is not null && !RegionPattern().IsMatch(region))
            problems.Add($"Eum__Region '{region}' is not an AWS Region name such as us-east-1.");

        var serviceUrl = OptionalUri(configuration, "Eum:ServiceUrl", problems);
        var accessKeyId = Optional(configuration, "Eum:AccessKeyId");
        var secret = Optional(configuration, "Eum:SecretAccessKey");
        if ((accessKeyId is null) != (secret is null))
            problems.Add("Eum__AccessKeyId and Eum__SecretAccessKey go together: set both or neither.");

        var phoneNumberId = Required(configuration, "Eum:DefaultPhoneNumberId", problems);
        if (phoneNumberId is not null && !PhoneNumberId.IsValid(phoneNumberId))
            problems.Add($"Eum__DefaultPhoneNumberId '{phoneNumberId}' is not an EUM phone number id ('phone-number-id-…' or its ARN).");

        var apiVersion = Optional(configuration, "Eum:MetaApiVersion") ?? "v20.0";
        if (!ApiVersionPattern().IsMatch(apiVersion))
            problems.Add($"Eum__MetaApiVersion '{apiVersion}' must look like v20.0.");

        var timeoutText = Optional(configuration, "Eum:TimeoutSeconds") ?? "10";
        if (!int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out var timeoutSeconds) || timeoutSeconds is < 1 or > 300)
            problems.Add($"Eum__TimeoutSeconds '{timeoutText}' must be a whole number of seconds from 1 to 300.");

        var stsUrl = OptionalUri(configuration, "Eum:StsServiceUrl", problems);
        if (region is null || phoneNumberId is null) return null;
        return new EumSettings(region, serviceUrl, accessKeyId, secret, Optional(configuration, "Eum:SessionToken"),
            Optional(configuration, "Eum:RoleArn"), Optional(configuration, "Eum:WebIdentityAudience"), stsUrl,
            phoneNumberId, apiVersion, TimeSpan.FromSeconds(timeoutSeconds));
    }

    private static OutboundSettings ReadOutbound(IConfiguration configuration, List<string> problems) => new(
        RatePerSecond: Integer(configuration, "Outbound:RatePerSecond", 80, 1, 1000, problems),
        MaxAttempts: Integer(configuration, "Outbound:MaxAttempts", 8, 1, 50, problems),
        Concurrency: Integer(configuration, "Outbound:Concurrency", 64, 1, 512, problems),
        RunPumps: Flag(configuration, "Outbound:RunPumps", true, problems),
        EnforceServiceWindow: Flag(configuration, "Outbound:EnforceServiceWindow", true, problems),
        RetryBaseDelay: TimeSpan.FromMilliseconds(Integer(configuration, "Outbound:RetryBaseDelayMs", 1000, 0, 60_000, problems)),
        RetryMaxDelay: TimeSpan.FromSeconds(Integer(configuration, "Outbound:RetryMaxDelaySeconds", 300, 1, 86_400, problems)),
        ReconcileWindow: TimeSpan.FromSeconds(Integer(configuration, "Outbound:ReconcileSeconds", 90, 1, 3_600, problems)));

    private static SubscriptionSettings ReadSubscriptions(IConfiguration configuration, List<string> problems) => new(
        RunPumps: Flag(configuration, "Subscriptions:RunPumps", true, problems),
        AllowHttpLoopback: Flag(configuration, "Subscriptions:AllowHttpLoopback", false, problems),
        Timeout: TimeSpan.FromSeconds(Integer(configuration, "Subscriptions:TimeoutSeconds", 10, 1, 120, problems)),
        MaxAttempts: Integer(configuration, "Subscriptions:MaxAttempts", 8, 1, 50, problems),
        FirstRetryDelay: TimeSpan.FromSeconds(Integer(configuration, "Subscriptions:FirstRetrySeconds", 5, 1, 3_600, problems)));

    /// <summary>A campaign's default rate above the numbers' own would only fill the outbound queue faster than it drains.</summary>
    private static CampaignSettings ReadCampaigns(IConfiguration configuration, OutboundSettings outbound, List<string> problems)
    {
        var rate = Integer(configuration, "Campaigns:RatePerSecond", Math.Min(20, outbound.RatePerSecond), 1, 1000, problems);
        if (rate > outbound.RatePerSecond)
            problems.Add($"Campaigns__RatePerSecond ({rate}) must not exceed Outbound__RatePerSecond ({outbound.RatePerSecond}).");
        return new CampaignSettings(RunPumps: Flag(configuration, "Campaigns:RunPumps", true, problems), RatePerSecond: rate);
    }

    private static MediaSettings ReadMedia(IConfiguration configuration, List<string> problems)
    {
        var bucket = Optional(configuration, "Media:Bucket");
        if (bucket is not null && !BucketPattern().IsMatch(bucket))
            problems.Add($"Media__Bucket '{bucket}' is not an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens).");
        var prefix = configuration["Media:KeyPrefix"] ?? "media/";
        if (prefix.Length > 200 || prefix.StartsWith('/'))
            problems.Add("Media__KeyPrefix must not start with '/' and may have at most 200 characters.");
        var region = Optional(configuration, "Media:Region");
        if (region is not null && !RegionPattern().IsMatch(region))
            problems.Add($"Media__Region '{region}' is not an AWS Region name such as us-east-1.");
        var accessKeyId = Optional(configuration, "Media:AccessKeyId");
        var secret = Optional(configuration, "Media:SecretAccessKey");
        if ((accessKeyId is null) != (secret is null))
            problems.Add("Media__AccessKeyId and Media__SecretAccessKey go together: set both or neither.");
        var inboundBucket = Optional(configuration, "Media:InboundBucket");
        if (inboundBucket is not null && !BucketPattern().IsMatch(inboundBucket))
            problems.Add($"Media__InboundBucket '{inboundBucket}' is not an S3 bucket name (3-63 lower-case letters, digits, dots and hyphens).");
        if (inboundBucket is not null && bucket is null)
            problems.Add("Media__InboundBucket needs Media__Bucket: the media endpoints that read the downloads are off without it.");
        var inboundPrefix = configuration["Media:InboundKeyPrefix"] ?? "inbound/";
        if (inboundPrefix.Length > 200 || inboundPrefix.StartsWith('/'))
            problems.Add("Media__InboundKeyPrefix must not start with '/' and may have at most 200 characters.");
        return new MediaSettings(bucket, prefix.Trim(), OptionalUri(configuration, "Media:S3ServiceUrl", problems), region, accessKeyId, secret)
        {
            InboundBucket = inboundBucket ?? bucket,
            InboundKeyPrefix = inboundPrefix.Trim(),
            PresignedUrlLifetime = TimeSpan.FromMinutes(Integer(configuration, "Media:PresignedUrlMinutes", 15, 1, 7 * 24 * 60, problems)),
            DownloadMaxAttempts = Integer(configuration, "Media:DownloadMaxAttempts", 10, 1, 50, problems),
            DownloadRetryDelay = TimeSpan.FromSeconds(Integer(configuration, "Media:DownloadRetrySeconds", 5, 1, 3_600, problems)),
        };
    }

    private static SnsSettings ReadSns(IConfiguration configuration, List<string> problems)
    {
        var arns = (Optional(configuration, "Sns:AllowedTopicArns") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        foreach (var arn in arns.Where(a => !TopicArnPattern().IsMatch(a)))
            problems.Add($"Sns__AllowedTopicArns: '{arn}' is not an SNS topic ARN such as arn:aws:sns:us-east-1:123456789012:topic.");
        Aws.Sns.SnsTrustedTestOrigin? origin = null;
        if (Optional(configuration, "Sns:TrustedTestCertificateHost") is { } host)
        {
            origin = Aws.Sns.SnsTrustedTestOrigin.TryParse(host);
            if (origin is null) problems.Add($"Sns__TrustedTestCertificateHost '{host}' must be a host or host:port, such as 127.0.0.1:7072.");
        }
        return new SnsSettings(arns, origin);
    }

    private static int Integer(IConfiguration configuration, string key, int fallback, int min, int max, List<string> problems)
    {
        var text = Optional(configuration, key);
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        problems.Add($"{EnvironmentName(key)} '{text}' must be a whole number from {min} to {max}.");
        return fallback;
    }

    private static bool Flag(IConfiguration configuration, string key, bool fallback, List<string> problems)
    {
        var text = Optional(configuration, key);
        if (text is null) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        problems.Add($"{EnvironmentName(key)} '{text}' must be true or false.");
        return fallback;
    }

    private static string? Optional(IConfiguration configuration, string key) =>
        configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static string? Required(IConfiguration configuration, string key, List<string> problems)
    {
        var value = Optional(configuration, key);
        if (value is null) problems.Add($"{EnvironmentName(key)} is missing: {Describe(key)}");
        return value;
    }

    private static Uri? OptionalUri(IConfiguration configuration, string key, List<string> problems)
    {
        var value = Optional(configuration, key);
        if (value is null) return null;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
        problems.Add($"{EnvironmentName(key)} '{value}' is not an absolute http(s) URL.");
        return null;
    }

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static string Describe(string key) =>
        HubSetting.All.FirstOrDefault(s => s.Key == key)?.Description ?? string.Empty;

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();

    [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex TopicArnPattern();

    [GeneratedRegex(@"^v\d+\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionPattern();
}
