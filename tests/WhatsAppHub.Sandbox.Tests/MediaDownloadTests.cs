using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

/// <summary>GetWhatsAppMessageMedia writes the media's bytes into a real local S3 (s3rver), or says why it cannot.</summary>
public sealed class MediaDownloadTests : IAsyncLifetime
{
    private const string Phone = "phone-number-id-0123456789abcdef0123456789abcdef";
    private const string Bucket = "sandbox-media-test";

    private readonly S3rverProcess _s3 = new();
    private SandboxHost _sandbox = null!;
    private HttpClient _s3Http = null!;

    public async Task InitializeAsync()
    {
        await _s3.InitializeAsync();
        _s3Http = new HttpClient { BaseAddress = new Uri(_s3.ServiceUrl) };
        (await _s3Http.PutAsync("/" + Bucket, null)).EnsureSuccessStatusCode();
        _sandbox = await SandboxHost.StartAsync("Statuses=", $"S3ServiceUrl={_s3.ServiceUrl}", "MediaExpiryDays=30");
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _s3Http.Dispose();
        await _s3.DisposeAsync();
    }

    [Fact]
    public async Task An_uploaded_file_downloads_to_the_key_prefix_plus_media_id_with_its_bytes_and_type()
    {
        var file = RandomBytes(777);
        await PutObjectAsync("outbound/logo.png", file, "image/png");
        var posted = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media",
            new { originationPhoneNumberId = Phone, sourceS3File = new { bucketName = Bucket, key = "outbound/logo.png" } });
        var mediaId = posted.Body!["mediaId"]!.GetValue<string>();

        var got = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media/get",
            new { mediaId, originationPhoneNumberId = Phone, destinationS3File = new { bucketName = Bucket, key = "inbound/2026/01/05/" } });

        Assert.Equal(200, got.Status);
        Assert.Equal("image/png", got.Body!["mimeType"]!.GetValue<string>());
        using var stored = await _s3Http.GetAsync($"/{Bucket}/inbound/2026/01/05/{mediaId}.png");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("image/png", stored.Content.Headers.ContentType?.MediaType);
        Assert.Equal(file, await stored.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_contacts_voice_note_goes_to_the_presigned_urls_bucket_and_key()
    {
        var voice = RandomBytes(1234);
        var mediaId = AddMedia(m => new MediaObject { MediaId = m, PhoneNumberId = Phone, MimeType = "audio/ogg", FileSize = voice.Length, Content = voice, Source = "inbound" });

        var got = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media/get", new
        {
            mediaId,
            originationPhoneNumberId = Phone,
            destinationS3PresignedUrl = new
            {
                url = $"https://{Bucket}.s3.us-east-1.amazonaws.com/voice/{mediaId}.ogg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc",
                headers = new Dictionary<string, string> { ["Content-Type"] = "audio/ogg" },
            },
        });

        Assert.Equal(200, got.Status);
        using var stored = await _s3Http.GetAsync($"/{Bucket}/voice/{mediaId}.ogg");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal("audio/ogg", stored.Content.Headers.ContentType?.MediaType);
        Assert.Equal(voice, await stored.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Metadata_only_writes_nothing()
    {
        var mediaId = AddMedia(m => new MediaObject { MediaId = m, PhoneNumberId = Phone, MimeType = "image/jpeg", FileSize = 3, Content = [1, 2, 3] });
        var got = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media/get",
            new { mediaId, originationPhoneNumberId = Phone, metadataOnly = true, destinationS3File = new { bucketName = Bucket, key = "meta/" } });
        Assert.Equal(3, got.Body!["fileSize"]!.GetValue<long>());
        using var head = new HttpRequestMessage(HttpMethod.Head, $"/{Bucket}/meta/{mediaId}.jpg");
        Assert.Equal(HttpStatusCode.NotFound, (await _s3Http.SendAsync(head)).StatusCode);
    }

    [Fact]
    public async Task Deleted_unknown_and_expired_media_are_not_found_and_nothing_is_written()
    {
        var deleted = AddMedia(m => new MediaObject { MediaId = m, PhoneNumberId = Phone, MimeType = "image/jpeg", FileSize = 3, Content = [1, 2, 3] });
        Assert.Equal(200, (await _sandbox.Eum().SendAsync("DELETE", $"/v1/whatsapp/media?mediaId={deleted}&originationPhoneNumberId={Phone}")).Status);
        var expired = AddMedia(m => new MediaObject
        {
            MediaId = m, PhoneNumberId = Phone, MimeType = "image/jpeg", FileSize = 3, Content = [1, 2, 3], CreatedAt = DateTimeOffset.UtcNow.AddDays(-31),
        });
        var fresh = AddMedia(m => new MediaObject
        {
            MediaId = m, PhoneNumberId = Phone, MimeType = "image/jpeg", FileSize = 3, Content = [1, 2, 3], CreatedAt = DateTimeOffset.UtcNow.AddDays(-29),
        });

        foreach (var mediaId in new[] { deleted, expired, "998877665544332211" })
        {
            var got = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media/get",
                new { mediaId, originationPhoneNumberId = Phone, destinationS3File = new { bucketName = Bucket, key = "gone/" } });
            Assert.Equal(404, got.Status);
            Assert.Equal("ResourceNotFoundException", got.ErrorType);
            using var head = new HttpRequestMessage(HttpMethod.Head, $"/{Bucket}/gone/{mediaId}.jpg");
            Assert.Equal(HttpStatusCode.NotFound, (await _s3Http.SendAsync(head)).StatusCode);
        }
        var kept = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media/get",
            new { mediaId = fresh, originationPhoneNumberId = Phone, destinationS3File = new { bucketName = Bucket, key = "gone/" } });
        Assert.Equal(200, kept.Status);
    }

    [Fact]
    public async Task A_bucket_s3_refuses_is_a_dependency_error()
    {
        var mediaId = AddMedia(m => new MediaObject { MediaId = m, PhoneNumberId = Phone, MimeType = "image/jpeg", FileSize = 3, Content = [1, 2, 3] });
        var got = await _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/media/get",
            new { mediaId, originationPhoneNumberId = Phone, destinationS3File = new { bucketName = "no-such-bucket", key = "x/" } });
        Assert.Equal(502, got.Status);
        Assert.Equal("DependencyException", got.ErrorType);
    }

    private string AddMedia(Func<string, MediaObject> create)
    {
        var mediaId = Random.Shared.NextInt64(1_000_000_000_000_000, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _sandbox.Services.GetRequiredService<SandboxWorld>().Locked(w => { w.Media[mediaId] = create(mediaId); });
        return mediaId;
    }

    private async Task PutObjectAsync(string key, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        (await _s3Http.PutAsync($"/{Bucket}/{key}", content)).EnsureSuccessStatusCode();
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
