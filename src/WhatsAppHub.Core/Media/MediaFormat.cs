namespace WhatsAppHub.Core.Media;

/// <summary>
/// What WhatsApp accepts for one kind of media (whatsapp-cloud-api.md §2): its MIME types, each with the file
/// extensions that go with it, and the largest file. Stickers come in two variants with different limits.
/// </summary>
/// <param name="Type">The Cloud API media type: image, video, audio, document or sticker.</param>
/// <param name="Variant">"static" or "animated" for stickers; null otherwise.</param>
/// <param name="MimeTypes">Allowed MIME type → the file extensions that name it.</param>
/// <param name="MaxBytes">The largest file WhatsApp takes (MB = 1,048,576 bytes, KB = 1,024).</param>
/// <param name="Notes">What WhatsApp also checks in the content and the hub cannot (codecs, dimensions).</param>
public sealed record MediaFormat(
    string Type,
    string? Variant,
    IReadOnlyDictionary<string, IReadOnlyList<string>> MimeTypes,
    long MaxBytes,
    string? Notes);
