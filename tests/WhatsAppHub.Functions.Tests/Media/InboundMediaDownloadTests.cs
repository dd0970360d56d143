using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Media.MediaSupport;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>Media a contact sends is copied to S3 soon after it arrives and served with a presigned URL.</summary>
[Collection("InboundMedia")]
public class InboundMediaDownloadTests(InboundMediaFixture fixture)
{
    [Fact]
    public async Task A_contacts_image_is_copied_to_s3_and_its_presigned_url_gives_the_same_bytes()
    {
        var file = RandomBytes(2048);
        var whatsAppMediaId = await MediaKnownToWhatsAppAsync(file);
        var contact = NewContact();
        var wamid = "wamid.TEST" + Guid.NewGuid().ToString("N");

        await fixture.PublishMediaAsync("image", whatsAppMediaId, "image/png", Sha256Base64(file), contact, wamid);
        var media = await fixture.WaitForMediaAsync(whatsAppMediaId, InboundMediaFixture.Finished);

        Assert.Equal("downloaded", media.GetProperty("status").GetString());
        Assert.Equal("inbound", media.GetProperty("direction").GetString());
        Assert.Equal("image", media.GetProperty("type").GetString());
        Assert.Equal("image/png", media.GetProperty("mimeType").GetString());
        Assert.Equal(file.Length, media.GetProperty("size").GetInt64());
        Assert.True(media.GetProperty("sha256Verified").GetBoolean());
        Assert.Equal(contact, media.GetProperty("from").GetString());
        Assert.Equal(wamid, media.GetProperty("wamid").GetString());
        Assert.Equal(HubHost.DefaultPhoneNumberId, media.GetProperty("phoneNumberId").GetString());
        Assert.Equal(HubFixture.MediaBucket, media.GetProperty("bucket").GetString());
        Assert.Matches($@"^inbound/{HubHost.DefaultPhoneNumberId}/\d{{4}}/\d{{2}}/\d{{2}}/{whatsAppMediaId}\.png$", media.GetProperty("key").GetString());

        using var anonymous = new HttpClient();
        var url = media.GetProperty("url").GetString()!;
        Assert.Equal(file, await anonymous.GetByteArrayAsync(url));
        Assert.True(media.GetProperty("urlExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Contains("X-Amz-Signature=", url); // s3rver serves unsigned reads too, so the signature is checked by its presence
        Assert.Contains("X-Amz-Expires=900", url);
    }

    [Theory]
    [InlineData("image", "image", ".png")]
    [InlineData("video", "video", ".mp4")]
    [InlineData("voice", "audio", ".ogg")]
    [InlineData("document", "document", ".pdf")]
    [InlineData("sticker", "sticker", ".webp")]
    public async Task Every_media_type_a_contact_sends_through_the_sandbox_is_downloaded_and_verified(string inboundType, string mediaType, string extension)
    {
        var sample = inboundType switch
        {
            "image" => Sandbox.Inbound.SampleFile.Image,
            "video" => Sandbox.Inbound.SampleFile.Video,
            "voice" => Sandbox.Inbound.SampleFile.Voice,
            "document" => Sandbox.Inbound.SampleFile.Document,
            _ => Sandbox.Inbound.SampleFile.Sticker,
        };
        using var published = await fixture.Sandbox.Http.PostAsJsonAsync($"/sandbox/inbound/{inboundType}", new { from = "+" + NewContact() });
        var answer = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(published.IsSuccessStatusCode, answer.ToString());
        var mediaId = answer.GetProperty("events")[0].GetProperty("mediaId").GetString()!;

        var media = await fixture.WaitForMediaAsync(mediaId, InboundMediaFixture.Finished);
        Assert.Equal("downloaded", media.GetProperty("status").GetString());
        Assert.Equal(mediaType, media.GetProperty("type").GetString());
        Assert.True(media.GetProperty("sha256Verified").GetBoolean());
        Assert.EndsWith(mediaId + extension, media.GetProperty("key").GetString());
        using var anonymous = new HttpClient();
        Assert.Equal(sample.Content, await anonymous.GetByteArrayAsync(media.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task An_upload_read_by_its_hub_id_also_has_a_presigned_url_to_its_file()
    {
        var file = RandomBytes(700);
        using var uploaded = await fixture.Hub.Http.PostAsync("/api/media", Form(file, "image/png", "logo.png"));
        var created = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var hubId = created.GetProperty("id").GetString()!;
        Assert.False(created.TryGetProperty("url", out _)); // the 201 has no URL

        var media = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/media/{hubId}");
        using var anonymous = new HttpClient();
        Assert.Equal(file, await anonymous.GetByteArrayAsync(media.GetProperty("url").GetString()));
    }

    [Fact]
    public async Task The_same_image_delivered_three_times_is_downloaded_once_and_a_later_repeat_is_not_queued()
    {
        var file = RandomBytes(900);
        var whatsAppMediaId = await MediaKnownToWhatsAppAsync(file);
        var contact = NewContact();
        var wamid = "wamid.TEST" + Guid.NewGuid().ToString("N");
        var sha = Sha256Base64(file);

        var events = new List<string>();
        for (var i = 0; i < 3; i++) events.Add(await fixture.PublishMediaAsync("image", whatsAppMediaId, "image/png", sha, contact, wamid));
        foreach (var e in events) await fixture.WaitProcessedAsync(e);
        var first = await fixture.WaitForMediaAsync(whatsAppMediaId, InboundMediaFixture.Finished);
        Assert.Equal("downloaded", first.GetProperty("status").GetString());
        await WaitQueueEmptyAsync();
        var settled = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/media/{whatsAppMediaId}");
        Assert.Equal(1, settled.GetProperty("attempts").GetInt32());
        Assert.Equal(first.GetProperty("downloadedAt").GetString(), settled.GetProperty("downloadedAt").GetString());

        var calls = await DownloadCallsAsync(whatsAppMediaId);
        await fixture.WaitProcessedAsync(await fixture.PublishMediaAsync("image", whatsAppMediaId, "image/png", sha, contact, wamid));
        await WaitQueueEmptyAsync();
        Assert.Equal(calls, await DownloadCallsAsync(whatsAppMediaId));
    }

    [Fact]
    public async Task Media_whatsapp_does_not_know_ends_failed_with_the_reason_and_no_url()
    {
        var unknown = Random.Shared.NextInt64(1_000_000_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.PublishMediaAsync("document", unknown, "application/pdf", null, NewContact());

        var media = await fixture.WaitForMediaAsync(unknown, InboundMediaFixture.Finished);
        Assert.Equal("failed", media.GetProperty("status").GetString());
        Assert.Equal("document", media.GetProperty("type").GetString());
        Assert.Contains("ResourceNotFound", media.GetProperty("error").GetString());
        Assert.Equal(1, media.GetProperty("attempts").GetInt32()); // not found is final: no retries
        Assert.False(media.TryGetProperty("url", out _));
        Assert.False(media.TryGetProperty("key", out _));
    }

    [Fact]
    public async Task Bytes_that_do_not_match_metas_sha256_are_kept_and_marked_unverified_without_retrying()
    {
        var file = RandomBytes(512);
        var whatsAppMediaId = await MediaKnownToWhatsAppAsync(file);
        await fixture.PublishMediaAsync("sticker", whatsAppMediaId, "image/png", Sha256Base64(RandomBytes(8)), NewContact());

        var media = await fixture.WaitForMediaAsync(whatsAppMediaId, InboundMediaFixture.Finished);
        Assert.Equal("downloaded", media.GetProperty("status").GetString());
        Assert.False(media.GetProperty("sha256Verified").GetBoolean());
        Assert.Equal(1, media.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Eum_failing_for_a_while_is_retried_until_the_media_is_downloaded()
    {
        var file = RandomBytes(300);
        var whatsAppMediaId = await MediaKnownToWhatsAppAsync(file);
        // More failures than the SDK's own retries within one attempt, so the hub's back-off has to take over.
        using (var plan = await fixture.Sandbox.Http.PutAsJsonAsync("/sandbox/faults",
            new { rules = new[] { new { fault = "internal", operation = "GetWhatsAppMessageMedia", count = 5 } } }))
            plan.EnsureSuccessStatusCode();
        try
        {
            await fixture.PublishMediaAsync("image", whatsAppMediaId, "image/png", Sha256Base64(file), NewContact());
            var retrying = await fixture.WaitForMediaAsync(whatsAppMediaId, m => m.TryGetProperty("error", out _));
            Assert.Equal("pending", retrying.GetProperty("status").GetString());
            Assert.Contains("InternalService", retrying.GetProperty("error").GetString());
            Assert.False(retrying.TryGetProperty("url", out _));

            var media = await fixture.WaitForMediaAsync(whatsAppMediaId, InboundMediaFixture.Finished);
            Assert.Equal("downloaded", media.GetProperty("status").GetString());
            Assert.Equal(2, media.GetProperty("attempts").GetInt32());
            Assert.False(media.TryGetProperty("error", out _));
            using var anonymous = new HttpClient();
            Assert.Equal(file, await anonymous.GetByteArrayAsync(media.GetProperty("url").GetString()));
        }
        finally
        {
            await fixture.Sandbox.Http.DeleteAsync("/sandbox/faults");
        }
    }

    [Theory]
    [InlineData("999999999999")]
    [InlineData("not-a-media-id")]
    [InlineData("hubmedia-0000")]
    [InlineData("%2E%2E%2Fetc")]
    public async Task An_id_that_names_no_media_is_a_404_problem(string id) =>
        await ProblemAssert.IsProblem(await fixture.Hub.Http.GetAsync($"/api/media/{id}"), HttpStatusCode.NotFound, "not-found");

    /// <summary>Uploads through the hub and returns the WhatsApp media id the sandbox now knows (its S3 object is the file).</summary>
    private async Task<string> MediaKnownToWhatsAppAsync(byte[] file)
    {
        using var response = await fixture.Hub.Http.PostAsync("/api/media", Form(file, "image/png", "photo.png"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("whatsAppMediaId").GetString()!;
    }

    private async Task<int> DownloadCallsAsync(string mediaId) =>
        (await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/requests?operation=GetWhatsAppMessageMedia")).EnumerateArray()
            .Count(r => r.ToString().Contains(mediaId, StringComparison.Ordinal));

    private Task WaitQueueEmptyAsync() =>
        new Azure.Queues.QueueService(Azure.Storage.StorageConnection.Parse(fixture.Azurite.ConnectionString))
            .GetQueue(Functions.Storage.HubQueues.MediaDownload).WaitEmptyAsync(TimeSpan.FromSeconds(20));

    private static string NewContact() => "4915255" + Random.Shared.Next(100000, 999999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Sha256Base64(byte[] bytes) => Convert.ToBase64String(SHA256.HashData(bytes));
}
