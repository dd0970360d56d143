using WhatsAppHub.Functions.Media.Downloads;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// Media a contact sent as <c>GET /api/media/{WhatsApp media id}</c> shows it: <c>direction</c> inbound, its
/// download's status, and once downloaded where it lies plus a presigned URL to fetch it.
/// </summary>
public sealed record MediaDownloadView(
    string Id,
    string WhatsAppMediaId,
    string Direction,
    string Status,
    string Type,
    string? MimeType,
    long? Size,
    string? Sha256,
    bool? Sha256Verified,
    string? FileName,
    string PhoneNumberId,
    string? From,
    string? Wamid,
    string? Bucket,
    string? Key,
    int Attempts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DownloadedAt,
    DateTimeOffset? FailedAt,
    Uri? Url,
    DateTimeOffset? UrlExpiresAt)
{
    public static MediaDownloadView Of(MediaDownload d, Uri? url, DateTimeOffset? urlExpiresAt) =>
        new(d.WhatsAppMediaId, d.WhatsAppMediaId, "inbound", d.Status, d.MediaType, d.MimeType, d.Size, d.Sha256, d.Sha256Verified, d.FileName,
            d.PhoneNumberId, d.From, d.Wamid, d.Bucket, d.Key, d.Attempts, d.Error, d.CreatedAt, d.DownloadedAt, d.FailedAt, url, urlExpiresAt);
}
