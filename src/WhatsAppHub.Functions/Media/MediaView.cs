namespace WhatsAppHub.Functions.Media;

/// <summary>An upload as the API shows it (<c>GET /api/media/{id}</c> with a download URL, the 201 of an upload without).</summary>
public sealed record MediaView(
    string Id,
    string WhatsAppMediaId,
    string Type,
    string MimeType,
    long Size,
    string Sha256,
    string? FileName,
    string PhoneNumberId,
    string Bucket,
    string Key,
    DateTimeOffset CreatedAt,
    Uri? Url = null,
    DateTimeOffset? UrlExpiresAt = null)
{
    public static MediaView From(MediaUpload u) =>
        new(u.Id, u.WhatsAppMediaId, u.MediaType, u.MimeType, u.Size, u.Sha256, u.FileName, u.PhoneNumberId, u.Bucket, u.Key, u.CreatedAt);
}
