using System.Net.Http.Json;
using System.Text.Json;
using static WhatsAppHub.Functions.Tests.Media.MediaSupport;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>
/// The inbound bucket is not there yet (S3 refuses every write into it): the download waits with back-off, shows
/// pending with the reason, and completes once the bucket is back. Its own emulators, because it starts without one.
/// </summary>
public sealed class InboundMediaS3OutageTests : IAsyncLifetime
{
    private const string InboundBucket = "whatsapphub-inbound-outage";

    private readonly InboundMediaFixture _fixture = new();

    public Task InitializeAsync() => _fixture.StartAsync(createInboundBucket: false, InboundBucket);

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task A_download_into_a_bucket_s3_refuses_is_retried_and_completes_when_the_bucket_is_back()
    {
        var file = RandomBytes(1500);
        using var uploaded = await _fixture.Hub.Http.PostAsync("/api/media", Form(file, "image/png", "photo.png"));
        var whatsAppMediaId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("whatsAppMediaId").GetString()!;

        await _fixture.PublishMediaAsync("image", whatsAppMediaId, "image/png", null, "447700900123");
        var waiting = await _fixture.WaitForMediaAsync(whatsAppMediaId, m => m.TryGetProperty("error", out _));
        Assert.Equal("pending", waiting.GetProperty("status").GetString());
        Assert.Contains("Dependency", waiting.GetProperty("error").GetString());
        Assert.False(waiting.TryGetProperty("url", out _));

        await _fixture.CreateBucketAsync(InboundBucket);
        var media = await _fixture.WaitForMediaAsync(whatsAppMediaId, InboundMediaFixture.Finished);
        Assert.Equal("downloaded", media.GetProperty("status").GetString());
        Assert.True(media.GetProperty("attempts").GetInt32() >= 2);
        Assert.Equal(InboundBucket, media.GetProperty("bucket").GetString());
        using var anonymous = new HttpClient();
        Assert.Equal(file, await anonymous.GetByteArrayAsync(media.GetProperty("url").GetString()));
    }
}
