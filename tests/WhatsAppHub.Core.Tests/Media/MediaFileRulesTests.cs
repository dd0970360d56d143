using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Tests.Media;

public class MediaFileRulesTests
{
    private static (string? Type, IReadOnlyList<ValidationError> Errors) Check(MediaFile file)
    {
        var errors = new ValidationErrors();
        var type = MediaFileRules.Validate(file, MediaFilePaths.Json, errors);
        return (type, errors.All);
    }

    [Theory]
    [InlineData("image", "image/jpeg", 5 * 1024 * 1024)]
    [InlineData("image", "image/png", 1)]
    [InlineData("video", "video/mp4", 16 * 1024 * 1024)]
    [InlineData("video", "video/3gpp", 1000)]
    [InlineData("audio", "audio/aac", 1000)]
    [InlineData("audio", "audio/amr", 1000)]
    [InlineData("audio", "audio/mpeg", 16 * 1024 * 1024)]
    [InlineData("audio", "audio/mp4", 1000)]
    [InlineData("audio", "audio/ogg; codecs=opus", 1000)]
    [InlineData("document", "application/pdf", 100 * 1024 * 1024)]
    [InlineData("document", "text/plain", 10)]
    [InlineData("document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 10)]
    [InlineData("document", "application/vnd.openxmlformats-officedocument.presentationml.presentation", 10)]
    [InlineData("document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 10)]
    [InlineData("document", "application/vnd.ms-excel", 10)]
    [InlineData("document", "application/msword", 10)]
    [InlineData("document", "application/vnd.ms-powerpoint", 10)]
    [InlineData("sticker", "image/webp", 100 * 1024)]
    [InlineData("image", "IMAGE/JPEG", 10)]
    public void Every_allowed_type_passes_up_to_its_limit(string type, string mimeType, long size)
    {
        var (checkedAs, errors) = Check(new MediaFile(type, mimeType, size));
        Assert.Empty(errors);
        Assert.Equal(type, checkedAs);
    }

    [Theory]
    [InlineData("image", 5 * 1024 * 1024 + 1)]
    [InlineData("video", 16 * 1024 * 1024 + 1)]
    [InlineData("audio", 16 * 1024 * 1024 + 1)]
    [InlineData("document", 100 * 1024 * 1024 + 1)]
    [InlineData("sticker", 100 * 1024 + 1)]
    public void One_byte_over_the_limit_breaks_maxSize(string type, long size)
    {
        var mime = MediaFormats.For(type)!.MimeTypes.Keys.First();
        var error = Assert.Single(Check(new MediaFile(type, mime, size)).Errors);
        Assert.Equal(("$.size", MediaFileRules.MaxSizeRule), (error.Path, error.Rule));
    }

    [Fact]
    public void An_animated_sticker_may_be_500_KB_and_no_more()
    {
        Assert.Empty(Check(new MediaFile("sticker", "image/webp", 500 * 1024, Animated: true)).Errors);
        Assert.Equal(MediaFileRules.MaxSizeRule, Assert.Single(Check(new MediaFile("sticker", "image/webp", 500 * 1024 + 1, Animated: true)).Errors).Rule);
        // Not known to be animated: held to the static limit.
        Assert.Equal(MediaFileRules.MaxSizeRule, Assert.Single(Check(new MediaFile("sticker", "image/webp", 200 * 1024)).Errors).Rule);
    }

    [Theory]
    [InlineData("image", "image/webp")]   // WebP is only for stickers
    [InlineData("image", "image/gif")]
    [InlineData("sticker", "image/png")]
    [InlineData("video", "video/quicktime")]
    [InlineData("audio", "audio/wav")]
    [InlineData("document", "application/zip")]
    [InlineData("document", "image/jpeg")]
    public void A_mime_type_the_type_does_not_take_is_named(string type, string mimeType)
    {
        var error = Assert.Single(Check(new MediaFile(type, mimeType, 10)).Errors);
        Assert.Equal(("$.mimeType", "enum"), (error.Path, error.Rule));
    }

    [Fact]
    public void Ogg_audio_with_another_codec_is_refused()
    {
        var error = Assert.Single(Check(new MediaFile("audio", "audio/ogg; codecs=vorbis", 10)).Errors);
        Assert.Equal(("$.mimeType", "codec"), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData("image/png", "image")]
    [InlineData("image/webp", "sticker")]
    [InlineData("video/3gpp", "video")]
    [InlineData("audio/mpeg", "audio")]
    [InlineData("application/pdf", "document")]
    public void Without_a_type_it_is_inferred_from_the_mime_type(string mimeType, string expected)
    {
        var (type, errors) = Check(new MediaFile(null, mimeType, 10));
        Assert.Empty(errors);
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Without_a_type_an_unknown_mime_type_is_named()
    {
        var (type, errors) = Check(new MediaFile(null, "application/x-msdownload", 10));
        Assert.Null(type);
        Assert.Equal(("$.mimeType", "enum"), (Assert.Single(errors).Path, errors[0].Rule));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var errors = Check(new MediaFile("gif", null, null, FileName: "")).Errors;
        Assert.Equal(
            [("$.mimeType", "required"), ("$.type", "enum"), ("$.size", "required"), ("$.fileName", "required")],
            errors.Select(e => (e.Path, e.Rule)));
    }

    [Theory]
    [InlineData(0L, "minSize")]
    [InlineData(-1L, "range")]
    public void Empty_and_negative_sizes_are_refused(long size, string rule)
    {
        var error = Assert.Single(Check(new MediaFile("image", "image/png", size)).Errors);
        Assert.Equal(("$.size", rule), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData("report.pdf", null)]
    [InlineData("REPORT.PDF", null)]
    [InlineData("report", null)]
    [InlineData("report.docx", "extension")]
    [InlineData("../etc/passwd.pdf", "pattern")]
    [InlineData("a\u0001.pdf", "pattern")]
    [InlineData("   ", "required")]
    public void The_file_name_must_fit_the_mime_type(string fileName, string? rule)
    {
        var errors = Check(new MediaFile("document", "application/pdf", 10, fileName)).Errors;
        if (rule is null) Assert.Empty(errors);
        else Assert.Equal(("$.fileName", rule), (Assert.Single(errors).Path, errors[0].Rule));
    }

    [Fact]
    public void A_file_name_longer_than_240_characters_is_refused()
    {
        var error = Assert.Single(Check(new MediaFile("document", "application/pdf", 10, new string('a', 237) + ".pdf")).Errors);
        Assert.Equal("maxLength", error.Rule);
    }
}
