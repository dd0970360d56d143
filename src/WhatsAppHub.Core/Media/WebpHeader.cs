namespace WhatsAppHub.Core.Media;

/// <summary>
/// Tells an animated WebP from a static one by its header, because WhatsApp holds the two sticker kinds to different
/// size limits (100 KB static, 500 KB animated). An animated WebP is the extended format (<c>VP8X</c> chunk first)
/// with the animation flag (bit 1 of the flags byte) set.
/// </summary>
public static class WebpHeader
{
    /// <summary>Bytes to read from the start of a file to decide.</summary>
    public const int Length = 21;

    public static bool IsAnimated(ReadOnlySpan<byte> start) =>
        start.Length >= Length &&
        start[..4].SequenceEqual("RIFF"u8) &&
        start[8..12].SequenceEqual("WEBP"u8) &&
        start[12..16].SequenceEqual("VP8X"u8) &&
        (start[20] & 0x02) != 0;
}
