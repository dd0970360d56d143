using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Media.MediaSupport;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>Uploads over real HTTP: the file lands in s3rver, the sandbox (EUM) is asked to take it from there, the row is stored.</summary>
[Collection("Hub")]
public class MediaUploadTests(HubFixture fixture)
{
    [Fact]
    public async Task A_multipart_upload_is_stored_in_S3_uploaded_to_WhatsApp_and_recorded()
    {
        var bytes = RandomBytes(2048);
        using var response = await fixture.Hub.Http.PostAsync("/api/media", Form(bytes, "image/png", "logo.png", ("type", "image")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var media = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = media.GetProperty("id").GetString()!;
        Assert.StartsWith("hubmedia-", id);
        Assert.Equal($"/api/media/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("image", "image/png", 2048L, Convert.ToHexStringLower(SHA256.HashData(bytes)), "logo.png"),
            (media.GetProperty("type").GetString(), media.GetProperty("mimeType").GetString(), media.GetProperty("size").GetInt64(),
             media.GetProperty("sha256").GetString(), media.GetProperty("fileName").GetString()));

        // The object is in the bucket, byte for byte (no aws-chunked framing), with its Content-Type.
        var key = media.GetProperty("key").GetString()!;
        Assert.Equal($"media/{id}.png", key);
        using var stored = await fixture.S3Http.GetAsync($"/{HubFixture.MediaBucket}/{key}");
        Assert.Equal(bytes, await stored.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", stored.Content.Headers.ContentType?.MediaType);

        // EUM was asked to take exactly that object, and its media id is the one the hub reports.
        var post = (await SandboxRequestsAsync(fixture, "PostWhatsAppMessageMedia")).Last(r =>
            r.GetProperty("bodyJson").GetProperty("sourceS3File").GetProperty("key").GetString() == key);
        Assert.True(post.GetProperty("signatureValid").GetBoolean());
        Assert.Equal(HubFixture.MediaBucket, post.GetProperty("bodyJson").GetProperty("sourceS3File").GetProperty("bucketName").GetString());
        Assert.Equal(HubHost.DefaultPhoneNumberId, post.GetProperty("bodyJson").GetProperty("originationPhoneNumberId").GetString());
        Assert.Equal(post.GetProperty("responseBody").GetProperty("mediaId").GetString(), media.GetProperty("whatsAppMediaId").GetString());

        var row = await MediaTable(fixture).GetAsync($"MEDIA|{id}", "MEDIA_UPLOAD");
        Assert.NotNull(row);
        Assert.Equal(("MEDIA_UPLOAD", media.GetProperty("whatsAppMediaId").GetString(), key, 2048L),
            (row["itemType"], row.GetString("whatsAppMediaId"), row.GetString("key"), row.GetInt64("size")));

        var read = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/media/{id}");
        Assert.Equal(media.GetProperty("whatsAppMediaId").GetString(), read.GetProperty("whatsAppMediaId").GetString());
    }

    [Fact]
    public async Task An_object_already_in_the_bucket_is_uploaded_by_its_key()
    {
        var bytes = Encoding.UTF8.GetBytes("%PDF-1.7 invoice");
        var key = $"incoming/{Guid.NewGuid():N}/invoice.pdf";
        using var put = new ByteArrayContent(bytes);
        put.Headers.ContentType = new("application/pdf");
        (await fixture.S3Http.PutAsync($"/{HubFixture.MediaBucket}/{key}", put)).EnsureSuccessStatusCode();

        using var response = await fixture.Hub.Http.PostAsJsonAsync("/api/media", new { s3Key = key });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var media = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("document", "application/pdf", (long)bytes.Length, key, "invoice.pdf", Convert.ToHexStringLower(SHA256.HashData(bytes))),
            (media.GetProperty("type").GetString(), media.GetProperty("mimeType").GetString(), media.GetProperty("size").GetInt64(),
             media.GetProperty("key").GetString(), media.GetProperty("fileName").GetString(), media.GetProperty("sha256").GetString()));
        Assert.Contains(await SandboxRequestsAsync(fixture, "PostWhatsAppMessageMedia"),
            r => r.GetProperty("bodyJson").GetProperty("sourceS3File").GetProperty("key").GetString() == key);
    }

    [Fact]
    public async Task A_key_with_no_object_is_refused_naming_s3Key()
    {
        using var response = await fixture.Hub.Http.PostAsJsonAsync("/api/media", new { s3Key = "nothing/here.png", type = "image" });
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.s3Key"], ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task A_file_whose_type_WhatsApp_refuses_is_named_and_nothing_is_uploaded()
    {
        var before = (await SandboxRequestsAsync(fixture, "PostWhatsAppMessageMedia")).Count;
        using var response = await fixture.Hub.Http.PostAsync("/api/media", Form(RandomBytes(100), "image/gif", "a.gif", ("type", "image")));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.file.contentType"], ProblemAssert.ErrorPaths(problem));
        Assert.Equal(before, (await SandboxRequestsAsync(fixture, "PostWhatsAppMessageMedia")).Count);
    }

    [Fact]
    public async Task An_image_over_5_MB_is_413_naming_the_size()
    {
        using var response = await fixture.Hub.Http.PostAsync("/api/media", Form(new byte[5 * 1024 * 1024 + 1], "image/jpeg", "big.jpg"));
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, "media-too-large");
        Assert.Equal(["$.file.size"], ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task A_static_sticker_over_100_KB_is_refused_but_an_animated_one_may_have_500_KB()
    {
        byte[] Webp(bool animated, int length)
        {
            var bytes = new byte[length];
            "RIFF"u8.CopyTo(bytes);
            "WEBP"u8.CopyTo(bytes.AsSpan(8));
            "VP8X"u8.CopyTo(bytes.AsSpan(12));
            bytes[20] = animated ? (byte)0x02 : (byte)0;
            return bytes;
        }
        using var refused = await fixture.Hub.Http.PostAsync("/api/media", Form(Webp(false, 200 * 1024), "image/webp", "s.webp"));
        await ProblemAssert.IsProblem(refused, HttpStatusCode.RequestEntityTooLarge, "media-too-large");

        using var accepted = await fixture.Hub.Http.PostAsync("/api/media", Form(Webp(true, 200 * 1024), "image/webp", "s.webp"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("sticker", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        using var response = await fixture.Hub.Http.PostAsync("/api/media", Form([], "image/png", "empty.png"));
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.file.size"], ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task A_form_without_a_file_part_names_it_and_every_other_bad_field()
    {
        using var form = new MultipartFormDataContent { { new StringContent("image"), "type" }, { new StringContent("x"), "colour" } };
        using var response = await fixture.Hub.Http.PostAsync("/api/media", form);
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.colour", "$.file"], ProblemAssert.ErrorPaths(problem).Order());
    }

    [Fact]
    public async Task A_generic_content_type_is_read_from_the_file_name_and_a_bad_sender_is_named()
    {
        using var ok = await fixture.Hub.Http.PostAsync("/api/media", Form(RandomBytes(10), "application/octet-stream", "voice.mp3"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal("audio/mpeg", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mimeType").GetString());

        using var bad = await fixture.Hub.Http.PostAsync("/api/media", Form(RandomBytes(10), "audio/mpeg", "v.mp3", ("phoneNumberId", "+15550100")));
        var problem = await ProblemAssert.IsProblem(bad, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.phoneNumberId"], ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task Uploads_need_the_function_key()
    {
        using var response = await fixture.Hub.Anonymous.PostAsync("/api/media", Form(RandomBytes(10), "image/png", "a.png"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
