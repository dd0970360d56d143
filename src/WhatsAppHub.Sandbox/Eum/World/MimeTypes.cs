namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>The media types WhatsApp accepts, by file extension (whatsapp-cloud-api.md §2).</summary>
public static class MimeTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".png"] = "image/png", [".webp"] = "image/webp",
        [".mp4"] = "video/mp4", [".3gp"] = "video/3gpp",
        [".aac"] = "audio/aac", [".amr"] = "audio/amr", [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4", [".ogg"] = "audio/ogg",
        [".txt"] = "text/plain", [".pdf"] = "application/pdf",
        [".xls"] = "application/vnd.ms-excel", [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".doc"] = "application/msword", [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".ppt"] = "application/vnd.ms-powerpoint", [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    public static string? FromKey(string key) => ByExtension.GetValueOrDefault(Path.GetExtension(key));

    /// <summary>The first extension of a MIME type (parameters ignored), or "" for a type WhatsApp does not list.</summary>
    public static string ExtensionOf(string mimeType)
    {
        var essence = mimeType.Split(';')[0].Trim();
        return ByExtension.FirstOrDefault(e => e.Value.Equals(essence, StringComparison.OrdinalIgnoreCase)).Key ?? "";
    }
}
