using Microsoft.Extensions.Configuration;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Tests.Configuration;

public class HubSettingsReaderTests
{
    private static readonly Dictionary<string, string?> Complete = HubSetting.All
        .Where(s => s.LocalDefault is not null)
        .ToDictionary(s => s.Key, s => s.LocalDefault);

    private static HubOptions Read(Action<Dictionary<string, string?>> change)
    {
        var values = new Dictionary<string, string?>(Complete);
        change(values);
        return HubSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Fact]
    public void Local_defaults_are_a_complete_configuration()
    {
        var options = Read(_ => { });

        Assert.Equal("local-dev-key", options.ApiKey);
        Assert.Equal("us-east-1", options.Eum.Region);
        Assert.Equal(new Uri("http://127.0.0.1:7072"), options.Eum.ServiceUrl);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Eum.Timeout);
        Assert.Equal("UseDevelopmentStorage=true", options.Storage.ConnectionString);
    }

    [Fact]
    public void Every_missing_required_setting_is_named_in_one_message()
    {
        var e = Assert.Throws<HubConfigurationException>(() => HubSettingsReader.Read(new ConfigurationBuilder().Build()));

        Assert.Contains("Hub__ApiKey is missing", e.Message);
        Assert.Contains("AzureWebJobsStorage is missing", e.Message);
        Assert.Contains("Eum__Region is missing", e.Message);
        Assert.Contains("Eum__DefaultPhoneNumberId is missing", e.Message);
        Assert.Equal(4, e.Problems.Count);
    }

    [Theory]
    [InlineData("Eum:Region", "mars-1", "Eum__Region 'mars-1'")]
    [InlineData("Eum:ServiceUrl", "ftp://x", "Eum__ServiceUrl 'ftp://x' is not an absolute http(s) URL")]
    [InlineData("Eum:DefaultPhoneNumberId", "1234", "Eum__DefaultPhoneNumberId '1234'")]
    [InlineData("Eum:MetaApiVersion", "20", "Eum__MetaApiVersion '20'")]
    [InlineData("Eum:TimeoutSeconds", "0", "Eum__TimeoutSeconds '0'")]
    [InlineData("Eum:SecretAccessKey", null, "Eum__AccessKeyId and Eum__SecretAccessKey go together")]
    [InlineData("Hub:ApiKey", "short", "Hub__ApiKey is too short")]
    [InlineData("Outbound:RetryBaseDelayMs", "-5", "Outbound__RetryBaseDelayMs '-5'")]
    [InlineData("Outbound:RetryMaxDelaySeconds", "0", "Outbound__RetryMaxDelaySeconds '0'")]
    [InlineData("Outbound:ReconcileSeconds", "soon", "Outbound__ReconcileSeconds 'soon'")]
    [InlineData("Pumps:StorageCalls", "-1", "Pumps__StorageCalls '-1'")]
    [InlineData("Pumps:StorageCalls", "257", "Pumps__StorageCalls '257'")]
    [InlineData("Media:InboundBucket", "Inbound_Media", "Media__InboundBucket 'Inbound_Media' is not an S3 bucket name")]
    [InlineData("Media:InboundKeyPrefix", "/inbound/", "Media__InboundKeyPrefix must not start with '/'")]
    [InlineData("Media:PresignedUrlMinutes", "0", "Media__PresignedUrlMinutes '0'")]
    [InlineData("Media:PresignedUrlMinutes", "10081", "Media__PresignedUrlMinutes '10081'")]
    [InlineData("Media:DownloadMaxAttempts", "51", "Media__DownloadMaxAttempts '51'")]
    [InlineData("Media:DownloadRetrySeconds", "0", "Media__DownloadRetrySeconds '0'")]
    [InlineData("Inbound:RunPumps", "maybe", "Inbound__RunPumps 'maybe'")]
    [InlineData("Workflows:RunPumps", "maybe", "Workflows__RunPumps 'maybe'")]
    public void Malformed_settings_are_named(string key, string? value, string expected)
    {
        var e = Assert.Throws<HubConfigurationException>(() => Read(v => v[key] = value));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void The_pumps_storage_calls_are_limited_as_set_and_otherwise_by_the_storage_reached()
    {
        Assert.Equal(1, Read(_ => { }).Storage.PumpCalls);
        Assert.Equal(0, Read(v => v["Pumps:StorageCalls"] = "0").Storage.PumpCalls);
        Assert.Null(Read(v => v["Pumps:StorageCalls"] = null).Storage.PumpCalls);
    }

    [Fact]
    public void The_secret_never_appears_in_the_message()
    {
        var e = Assert.Throws<HubConfigurationException>(() => Read(v => { v["Eum:AccessKeyId"] = null; v["Eum:SecretAccessKey"] = "TopSecretValue123"; }));
        Assert.DoesNotContain("TopSecretValue123", e.Message);
    }

    [Fact]
    public void Storage_can_be_reached_by_service_uris_instead_of_a_connection_string()
    {
        var options = Read(v =>
        {
            v["AzureWebJobsStorage"] = null;
            v["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net";
            v["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net";
        });
        Assert.Null(options.Storage.ConnectionString);
        Assert.Equal(new Uri("https://acct.table.core.windows.net"), options.Storage.TableServiceUri);
    }

    [Fact]
    public void Inbound_media_goes_to_the_media_bucket_unless_told_otherwise_and_needs_a_bucket()
    {
        var defaults = Read(_ => { });
        Assert.Equal("whatsapphub-media", defaults.Media.InboundBucket);
        Assert.Equal("inbound/", defaults.Media.InboundKeyPrefix);
        Assert.Equal(TimeSpan.FromMinutes(15), defaults.Media.PresignedUrlLifetime);

        Assert.Equal("whatsapphub-inbound", Read(v => v["Media:InboundBucket"] = "whatsapphub-inbound").Media.InboundBucket);
        Assert.Null(Read(v => v["Media:Bucket"] = null).Media.InboundBucket);
        var e = Assert.Throws<HubConfigurationException>(() => Read(v => { v["Media:Bucket"] = null; v["Media:InboundBucket"] = "whatsapphub-inbound"; }));
        Assert.Contains("Media__InboundBucket needs Media__Bucket", e.Message);
    }
}
