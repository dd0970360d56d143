using System.Globalization;
using WhatsAppHub.Core.Media;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// Where downloaded media lies: <c>{Media:InboundKeyPrefix}{phoneNumberId}/{yyyy}/{MM}/{dd}/{mediaId}{extension}</c>,
/// dated by the message's arrival so a bucket lifecycle rule can expire old media by prefix. EUM takes the key as a
/// prefix and appends the media id itself; whether it also appends an extension is not documented, so the object is
/// looked for under both names, here and nowhere else.
/// </summary>
public static class InboundMediaKeys
{
    public static string Prefix(string keyPrefix, string phoneNumberId, DateTimeOffset receivedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{keyPrefix}{phoneNumberId}/{receivedAt.UtcDateTime:yyyy'/'MM'/'dd}/");

    /// <summary>The object names to look for, the documented form first.</summary>
    public static IReadOnlyList<string> Candidates(string prefix, string mediaId, string? mimeType)
    {
        var extension = mimeType is null ? string.Empty : MediaFormats.ExtensionOf(mimeType);
        return extension.Length > 0 ? [prefix + mediaId + extension, prefix + mediaId] : [prefix + mediaId];
    }
}
