namespace WhatsAppHub.Core.Media;

/// <summary>
/// What is known about a file before WhatsApp sees it. <see cref="Type"/> may be null (it is then inferred from the
/// MIME type); <see cref="Animated"/> matters only for stickers (null = not known, held to the static limit).
/// </summary>
public sealed record MediaFile(string? Type, string? MimeType, long? Size, string? FileName = null, bool? Animated = null);

/// <summary>The JSON paths that name each fact of a <see cref="MediaFile"/> in the request it came from.</summary>
public sealed record MediaFilePaths(string Type, string MimeType, string Size, string FileName)
{
    /// <summary>The paths of a JSON body with members type, mimeType, size and fileName.</summary>
    public static MediaFilePaths Json { get; } = new("$.type", "$.mimeType", "$.size", "$.fileName");
}
