using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Inbound;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>
/// The whole inbound media path on real emulators: Azurite, s3rver with the media bucket, a sandbox that reads and
/// writes that S3 and publishes signed SNS notifications to the hub, and a hub that trusts them and retries downloads
/// after a second.
/// </summary>
public sealed class InboundMediaFixture : IAsyncLifetime
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:whatsapphub-events";
    public const string MetaPhoneNumberId = "106540352242922";

    public AzuriteProcess Azurite { get; } = new();

    public S3rverProcess S3 { get; } = new();

    public HttpClient S3Http { get; private set; } = null!;

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    public ITableStore Events { get; private set; } = null!;

    public async Task InitializeAsync() => await StartAsync(createInboundBucket: true);

    /// <param name="inboundBucket">A bucket for downloads apart from the media bucket, created only when told.</param>
    public async Task StartAsync(bool createInboundBucket, string? inboundBucket = null)
    {
        await Task.WhenAll(Azurite.InitializeAsync(), S3.InitializeAsync());
        S3Http = new HttpClient { BaseAddress = new Uri(S3.ServiceUrl) };
        (await S3Http.PutAsync("/" + HubFixture.MediaBucket, null)).EnsureSuccessStatusCode();
        if (inboundBucket is not null && createInboundBucket) await CreateBucketAsync(inboundBucket);
        var hubPort = FreePort.Next();
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{hubPort}/api/eum/events", "Statuses=", "SnsRetries=0",
            "SnsSignatureVersion=2", $"S3ServiceUrl={S3.ServiceUrl}");
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl,
        [
            $"urls=http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}",
            $"Sns:AllowedTopicArns={TopicArn}",
            $"Sns:TrustedTestCertificateHost={new Uri(Sandbox.BaseUrl).Authority}",
            $"Media:Bucket={HubFixture.MediaBucket}", $"Media:S3ServiceUrl={S3.ServiceUrl}",
            $"Media:AccessKeyId={S3rverProcess.AccessKey}", $"Media:SecretAccessKey={S3rverProcess.SecretKey}",
            $"Media:InboundBucket={inboundBucket ?? HubFixture.MediaBucket}",
            "Media:DownloadRetrySeconds=1",
        ]);
        Events = new TableService(StorageConnection.Parse(Azurite.ConnectionString)).GetTable(HubTables.InboundEvents);
    }

    public async Task CreateBucketAsync(string bucket) => (await S3Http.PutAsync("/" + bucket, null)).EnsureSuccessStatusCode();

    /// <summary>A contact's media message, published by the sandbox as EUM would; returns the SNS MessageId.</summary>
    public async Task<string> PublishMediaAsync(string type, string mediaId, string mimeType, string? sha256, string from, string? wamid = null)
    {
        var media = new JsonObject { ["id"] = mediaId, ["mime_type"] = mimeType };
        if (sha256 is not null) media["sha256"] = sha256;
        var entry = new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "messages",
                ["value"] = new JsonObject
                {
                    ["messaging_product"] = "whatsapp",
                    ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100123", ["phone_number_id"] = MetaPhoneNumberId },
                    ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Mara" }, ["wa_id"] = from }),
                    ["messages"] = new JsonArray(new JsonObject
                    {
                        ["from"] = from,
                        ["id"] = wamid ?? "wamid.TEST" + Guid.NewGuid().ToString("N"),
                        ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                        ["type"] = type,
                        [type] = media,
                    }),
                },
            }),
        };
        using var response = await Sandbox.Http.PostAsJsonAsync("/sandbox/sns/publish", entry);
        response.EnsureSuccessStatusCode();
        var delivery = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries")[0];
        Assert.True(delivery.GetProperty("delivered").GetBoolean(), delivery.ToString());
        return delivery.GetProperty("snsMessageId").GetString()!;
    }

    /// <summary>Waits until the hub's inbound handler processed the event (its media download is queued by then).</summary>
    public Task WaitProcessedAsync(string snsMessageId) => Events.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(20));

    /// <summary>Polls <c>GET /api/media/{id}</c> until <paramref name="done"/> holds.</summary>
    public async Task<JsonElement> WaitForMediaAsync(string id, Func<JsonElement, bool> done, int seconds = 30)
    {
        JsonElement last = default;
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var response = await Hub.Http.GetAsync($"/api/media/{id}");
            if (response.StatusCode != System.Net.HttpStatusCode.OK) continue;
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (done(last)) return last;
        }
        throw new Xunit.Sdk.XunitException($"Media {id} did not reach the expected state in time; last: {last}");
    }

    public static bool Finished(JsonElement media) => media.GetProperty("status").GetString() is "downloaded" or "failed";

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        S3Http.Dispose();
        await S3.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("InboundMedia")]
public sealed class InboundMediaCollection : ICollectionFixture<InboundMediaFixture>;
