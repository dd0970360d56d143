using System.Security.Cryptography;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>
/// The file a contact "sends" with a media message: a tiny but valid file of the right type, so that a hub that
/// downloads it (GetWhatsAppMessageMedia writes the bytes to S3) gets something a viewer or a MIME sniffer accepts.
/// </summary>
public sealed record SampleFile(string MimeType, string FileName, byte[] Content)
{
    /// <summary>Meta's <c>sha256</c> of a media message is the file's hash, Base64.</summary>
    public string Sha256 => Convert.ToBase64String(SHA256.HashData(Content));

    // A 1×1 PNG (one green pixel).
    public static readonly SampleFile Image = new("image/png", "photo.png", Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mNQvZwGAAJ/AV9pIfneAAAAAElFTkSuQmCC"));

    // An ISO base media (MP4) file: the ftyp box that identifies it, and an empty free box.
    public static readonly SampleFile Video = new("video/mp4", "clip.mp4", Convert.FromBase64String(
        "AAAAGGZ0eXBpc29tAAACAGlzb21tcDQxAAAACGZyZWU="));

    // Ogg/Opus, as WhatsApp records voice notes: OpusHead and OpusTags pages, then one 20 ms silent frame.
    public static readonly SampleFile Voice = new("audio/ogg; codecs=opus", "voice.ogg", Convert.FromBase64String(
        "T2dnUwACAAAAAAAAAAABAFpaAAAAANmv+ZwBE09wdXNIZWFkAQE4AYC7AAAAAABPZ2dTAAAAAAAAAAAAAAEAWloBAAAAv4CadgEjT3B1c1RhZ3MTAAAAV2hhdHNBcHBIdWIgU2FuZGJveAAAAABPZ2dTAAT4BAAAAAAAAAEAWloCAAAAEj8RGQEB+A=="));

    // The same Ogg/Opus bytes sent as an audio file rather than recorded as a voice note.
    public static readonly SampleFile Audio = Voice with { MimeType = "audio/ogg", FileName = "audio.ogg" };

    // A one-page blank PDF with a correct cross-reference table.
    public static readonly SampleFile Document = new("application/pdf", "invoice.pdf", Convert.FromBase64String(
        "JVBERi0xLjQKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCjIgMCBvYmoKPDwgL1R5cGUgL1BhZ2VzIC9LaWRzIFszIDAgUl0gL0NvdW50IDEgPj4KZW5kb2JqCjMgMCBvYmoKPDwgL1R5cGUgL1BhZ2UgL1BhcmVudCAyIDAgUiAvTWVkaWFCb3ggWzAgMCAyMDAgMTAwXSA+PgplbmRvYmoKeHJlZgowIDQKMDAwMDAwMDAwMCA2NTUzNSBmIAowMDAwMDAwMDA5IDAwMDAwIG4gCjAwMDAwMDAwNTggMDAwMDAgbiAKMDAwMDAwMDExNSAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDQgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjE4NgolJUVPRgo="));

    // A 1×1 lossless WebP: stickers are always image/webp.
    public static readonly SampleFile Sticker = new("image/webp", "sticker.webp", Convert.FromBase64String(
        "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
}
