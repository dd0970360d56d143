namespace WhatsAppHub.Functions.Media;

/// <summary>
/// A file uploaded for sending (a MEDIA_UPLOAD row): where it lies in S3, what WhatsApp knows it as, and the facts
/// it was checked by. <see cref="DeletedAt"/> is set once it was deleted from WhatsApp and S3; the row stays so a
/// repeated delete is answered the same way.
/// </summary>
public sealed record MediaUpload(
    string Id,
    string WhatsAppMediaId,
    string MediaType,
    string MimeType,
    long Size,
    string Sha256,
    string? FileName,
    string PhoneNumberId,
    string Bucket,
    string Key,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeletedAt = null);
