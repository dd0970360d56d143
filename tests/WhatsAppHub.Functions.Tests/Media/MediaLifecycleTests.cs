using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Media;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Media.MediaSupport;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>Formats, dry-run validation, delete, and hub media ids used in messages.</summary>
[Collection("Hub")]
public class MediaLifecycleTests(HubFixture fixture)
{
    [Fact]
    public async Task The_formats_table_lists_every_type_with_its_limit()
    {
        var formats = (await fixture.Hub.Http.GetFromJsonAsync<JsonElement>("/api/media/formats")).GetProperty("formats").EnumerateArray().ToList();
        Assert.Equal(["image", "video", "audio", "document", "sticker", "sticker"], formats.Select(f => f.GetProperty("type").GetString()));
        var image = formats[0];
        Assert.Equal(5 * 1024 * 1024, image.GetProperty("maxBytes").GetInt64());
        Assert.Equal(["image/jpeg", "image/png"], image.GetProperty("mimeTypes").EnumerateArray().Select(m => m.GetProperty("mimeType").GetString()));
    }

    [Fact]
    public async Task Validate_says_valid_or_names_every_broken_rule()
    {
        using var valid = await fixture.Hub.Http.PostAsJsonAsync("/api/media/validate", new { type = "video", mimeType = "video/mp4", size = 1000, fileName = "clip.mp4" });
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var answer = await valid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal(16 * 1024 * 1024, answer.GetProperty("maxBytes").GetInt64());

        using var invalid = await fixture.Hub.Http.PostAsJsonAsync("/api/media/validate", new { type = "image", mimeType = "image/bmp", size = 6 * 1024 * 1024, fileName = "x.bmp" });
        var problem = await ProblemAssert.IsProblem(invalid, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.mimeType", "$.size"], ProblemAssert.ErrorPaths(problem));

        using var wrongKinds = await fixture.Hub.Http.PostAsJsonAsync("/api/media/validate", new { type = 3, mimeType = "image/png", size = "big", extra = 1 });
        problem = await ProblemAssert.IsProblem(wrongKinds, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.extra", "$.size", "$.type"], ProblemAssert.ErrorPaths(problem).Order());
    }

    [Fact]
    public async Task Delete_removes_the_media_from_WhatsApp_and_S3_and_can_be_repeated()
    {
        var media = await UploadImageAsync(fixture);
        var id = media.GetProperty("id").GetString()!;
        var key = media.GetProperty("key").GetString()!;

        using (var deleted = await fixture.Hub.Http.DeleteAsync($"/api/media/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Contains(await SandboxRequestsAsync(fixture, "DeleteWhatsAppMessageMedia"),
            r => r.GetProperty("query").GetProperty("mediaId").GetString() == media.GetProperty("whatsAppMediaId").GetString());
        using (var head = new HttpRequestMessage(HttpMethod.Head, $"/{HubFixture.MediaBucket}/{key}"))
            Assert.Equal(HttpStatusCode.NotFound, (await fixture.S3Http.SendAsync(head)).StatusCode);
        await ProblemAssert.IsProblem(await fixture.Hub.Http.GetAsync($"/api/media/{id}"), HttpStatusCode.NotFound, "not-found");

        using (var again = await fixture.Hub.Http.DeleteAsync($"/api/media/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await ProblemAssert.IsProblem(await fixture.Hub.Http.DeleteAsync($"/api/media/{HubMediaId.New()}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await fixture.Hub.Http.DeleteAsync("/api/media/123456"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_resolver_swaps_a_hub_media_id_for_the_WhatsApp_id_and_refuses_what_it_cannot_swap()
    {
        var media = await UploadImageAsync(fixture);
        var hubId = media.GetProperty("id").GetString()!;
        var resolver = fixture.Hub.Services.GetRequiredService<MediaIdResolver>();
        OutboundMessage Image(string id) => new("+447700900123", "image", null,
            new JsonObject { ["type"] = "image", ["image"] = new JsonObject { ["id"] = id, ["caption"] = "hi" } });

        var message = Image(hubId);
        Assert.Empty(await resolver.ResolveAsync(message, HubHost.DefaultPhoneNumberId, default));
        Assert.Equal(media.GetProperty("whatsAppMediaId").GetString(), message.CloudApiMessage["image"]!["id"]!.GetValue<string>());

        var unknown = await resolver.ResolveAsync(Image(HubMediaId.New()), HubHost.DefaultPhoneNumberId, default);
        Assert.Equal(("$.image.id", "exists"), (Assert.Single(unknown).Path, unknown[0].Rule));
        var otherSender = await resolver.ResolveAsync(Image(hubId), "phone-number-id-ffffffffffffffffffffffffffffffff", default);
        Assert.Equal("phoneNumberId", Assert.Single(otherSender).Rule);
        var asVideo = new OutboundMessage("+447700900123", "video", null, new JsonObject { ["video"] = new JsonObject { ["id"] = hubId } });
        Assert.Equal("mediaType", Assert.Single(await resolver.ResolveAsync(asVideo, HubHost.DefaultPhoneNumberId, default)).Rule);
    }

    [Fact]
    public async Task An_image_message_naming_a_hub_media_id_is_sent_with_the_WhatsApp_media_id()
    {
        var media = await UploadImageAsync(fixture);
        const string to = "+447700900177";
        await fixture.Hub.OpenServiceWindowAsync(to);

        using var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages",
            new { to, type = "image", image = new { id = media.GetProperty("id").GetString() } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Messages.WaitForStatusAsync(fixture.Hub.Http, response.Headers.Location!.OriginalString, "sent");

        var sent = Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
        Assert.Equal(media.GetProperty("whatsAppMediaId").GetString(), sent.GetProperty("message").GetProperty("image").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_image_message_naming_an_unknown_hub_media_id_is_refused()
    {
        const string to = "+447700900178";
        await fixture.Hub.OpenServiceWindowAsync(to);
        using var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages", new { to, type = "image", image = new { id = HubMediaId.New() } });
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.image.id"], ProblemAssert.ErrorPaths(problem));
    }
}
