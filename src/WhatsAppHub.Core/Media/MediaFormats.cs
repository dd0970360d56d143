namespace WhatsAppHub.Core.Media;

/// <summary>The media WhatsApp accepts for sending, per type (whatsapp-cloud-api.md §2), and the look-ups built on it.</summary>
public static class MediaFormats
{
    public const string Image = "image";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string Document = "document";
    public const string Sticker = "sticker";

    public const long KiB = 1024;
    public const long MiB = 1024 * 1024;

    /// <summary>The Cloud API media types, in the order the formats table lists them.</summary>
    public static IReadOnlyList<string> Types { get; } = [Image, Video, Audio, Document, Sticker];

    public static MediaFormat ImageFormat { get; } = new(Image, null, Mime(
        ("image/jpeg", [".jpg", ".jpeg"]),
        ("image/png", [".png"])), 5 * MiB, "8-bit, RGB or RGBA.");

    public static MediaFormat VideoFormat { get; } = new(Video, null, Mime(
        ("video/mp4", [".mp4"]),
        ("video/3gpp", [".3gp"])), 16 * MiB, "H.264 video and AAC audio; at most one audio stream.");

    public static MediaFormat AudioFormat { get; } = new(Audio, null, Mime(
        ("audio/aac", [".aac"]),
        ("audio/amr", [".amr"]),
        ("audio/mpeg", [".mp3"]),
        ("audio/mp4", [".m4a"]),
        ("audio/ogg", [".ogg", ".opus"])), 16 * MiB, "audio/ogg must be OPUS, mono (a voice note); WhatsApp refuses other OGG codecs.");

    public static MediaFormat DocumentFormat { get; } = new(Document, null, Mime(
        ("text/plain", [".txt"]),
        ("application/pdf", [".pdf"]),
        ("application/vnd.ms-excel", [".xls"]),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]),
        ("application/msword", [".doc"]),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]),
        ("application/vnd.ms-powerpoint", [".ppt"]),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"])), 100 * MiB, null);

    public static MediaFormat StaticStickerFormat { get; } = new(Sticker, "static", Mime(("image/webp", [".webp"])), 100 * KiB, "512×512 pixels.");

    public static MediaFormat AnimatedStickerFormat { get; } = new(Sticker, "animated", Mime(("image/webp", [".webp"])), 500 * KiB, "512×512 pixels.");

    /// <summary>Every row of the table (<c>GET /api/media/formats</c>).</summary>
    public static IReadOnlyList<MediaFormat> All { get; } =
        [ImageFormat, VideoFormat, AudioFormat, DocumentFormat, StaticStickerFormat, AnimatedStickerFormat];

    /// <summary>The largest file of any type: the most an upload request may carry.</summary>
    public static long LargestMaxBytes { get; } = All.Max(f => f.MaxBytes);

    /// <summary>The format a file of <paramref name="type"/> is held to; stickers by whether they are animated.</summary>
    public static MediaFormat? For(string type, bool animated = false) => type switch
    {
        Image => ImageFormat,
        Video => VideoFormat,
        Audio => AudioFormat,
        Document => DocumentFormat,
        Sticker => animated ? AnimatedStickerFormat : StaticStickerFormat,
        _ => null,
    };

    /// <summary>The type a MIME type belongs to (WebP is a sticker: WhatsApp takes no WebP images), or null when none takes it.</summary>
    public static string? TypeOf(string mimeType)
    {
        var essence = MimeEssence(mimeType);
        return All.FirstOrDefault(f => f.MimeTypes.ContainsKey(essence))?.Type;
    }

    /// <summary>The MIME type a file name's extension stands for, or null (used when a client sends application/octet-stream).</summary>
    public static string? MimeTypeOf(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (extension.Length == 0) return null;
        return All.SelectMany(f => f.MimeTypes).FirstOrDefault(m => m.Value.Contains(extension, StringComparer.OrdinalIgnoreCase)).Key;
    }

    /// <summary>The usual extension of a MIME type (".jpg" for image/jpeg), or "" when it is not one WhatsApp takes.</summary>
    public static string ExtensionOf(string mimeType)
    {
        var essence = MimeEssence(mimeType);
        return All.Select(f => f.MimeTypes.GetValueOrDefault(essence)).FirstOrDefault(e => e is not null)?[0] ?? string.Empty;
    }

    /// <summary>"Audio/OGG; codecs=opus" → "audio/ogg": the type/subtype without parameters, lower case.</summary>
    public static string MimeEssence(string mimeType)
    {
        var semicolon = mimeType.IndexOf(';');
        return (semicolon < 0 ? mimeType : mimeType[..semicolon]).Trim().ToLowerInvariant();
    }

    private static Dictionary<string, IReadOnlyList<string>> Mime(params (string MimeType, string[] Extensions)[] entries) =>
        entries.ToDictionary(e => e.MimeType, e => (IReadOnlyList<string>)e.Extensions, StringComparer.Ordinal);
}
