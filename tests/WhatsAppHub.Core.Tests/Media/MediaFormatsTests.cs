using System.Text.Json.Nodes;
using WhatsAppHub.Core.Media;

namespace WhatsAppHub.Core.Tests.Media;

public class MediaFormatsTests
{
    [Fact]
    public void The_table_has_each_type_with_Meta_limits()
    {
        Assert.Equal(
            [("image", null, 5 * MediaFormats.MiB), ("video", null, 16 * MediaFormats.MiB), ("audio", null, 16 * MediaFormats.MiB),
             ("document", null, 100 * MediaFormats.MiB), ("sticker", "static", 100 * MediaFormats.KiB), ("sticker", "animated", 500 * MediaFormats.KiB)],
            MediaFormats.All.Select(f => (f.Type, f.Variant, f.MaxBytes)));
        Assert.Equal(100 * MediaFormats.MiB, MediaFormats.LargestMaxBytes);
    }

    [Theory]
    [InlineData("photo.JPG", "image/jpeg")]
    [InlineData("voice.opus", "audio/ogg")]
    [InlineData("deck.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("clip.3gp", "video/3gpp")]
    [InlineData("archive.zip", null)]
    [InlineData("noextension", null)]
    public void A_file_name_gives_its_mime_type(string fileName, string? expected) =>
        Assert.Equal(expected, MediaFormats.MimeTypeOf(fileName));

    [Theory]
    [InlineData("image/jpeg", ".jpg")]
    [InlineData("audio/ogg; codecs=opus", ".ogg")]
    [InlineData("application/zip", "")]
    public void A_mime_type_gives_its_usual_extension(string mimeType, string expected) =>
        Assert.Equal(expected, MediaFormats.ExtensionOf(mimeType));

    [Fact]
    public void An_animated_webp_is_told_from_a_static_one()
    {
        byte[] header = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "VP8X"u8, 10, 0, 0, 0, 0x02];
        Assert.True(WebpHeader.IsAnimated(header));
        header[20] = 0x10; // alpha only
        Assert.False(WebpHeader.IsAnimated(header));
        Assert.False(WebpHeader.IsAnimated([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8, .. "VP8 "u8, 10, 0, 0, 0, 0x02]));
        Assert.False(WebpHeader.IsAnimated("RIFF"u8));
    }

    [Fact]
    public void Hub_media_ids_have_their_own_shape()
    {
        var id = HubMediaId.New();
        Assert.True(HubMediaId.IsHubMediaId(id));
        Assert.False(HubMediaId.IsHubMediaId("1234567890123456"));
        Assert.False(HubMediaId.IsHubMediaId(id + "0"));
        Assert.False(HubMediaId.IsHubMediaId(id.ToUpperInvariant()));
    }

    [Fact]
    public void Media_references_are_found_wherever_a_media_object_names_a_hub_id()
    {
        var a = HubMediaId.New();
        var b = HubMediaId.New();
        var message = JsonNode.Parse("""
            {"type":"interactive","image":{"id":"HUB_A"},"video":{"id":"123"},"document":{"link":"https://x/y.pdf"},
             "interactive":{"header":{"type":"document","document":{"id":"HUB_B","filename":"a.pdf"}}},
             "template":{"components":[{"parameters":[{"type":"image","image":{"id":"HUB_A"}}]}]},
             "text":{"id":"HUB_A"}}
            """.Replace("HUB_A", a).Replace("HUB_B", b))!.AsObject();

        var found = MediaReferences.Find(message);

        Assert.Equal(
            [("$.image.id", "image", a), ("$.interactive.header.document.id", "document", b),
             ("$.template.components[0].parameters[0].image.id", "image", a)],
            found.Select(r => (r.Path, r.MediaType, r.HubMediaId)));
    }
}
