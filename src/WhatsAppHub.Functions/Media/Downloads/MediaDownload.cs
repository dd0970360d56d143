namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// Media a contact sent, copied from WhatsApp into S3 (a MEDIA_DOWNLOAD row, keyed by WhatsApp's media id so the same
/// media arriving twice is one row). It starts <see cref="Pending"/> when the message is processed and ends
/// <see cref="Downloaded"/> (with where it lies) or <see cref="Failed"/> (with why): WhatsApp forgets inbound media ids
/// after about a week, so a download that cannot succeed says so instead of waiting.
/// </summary>
public sealed record MediaDownload(
    string WhatsAppMediaId,
    string Status,
    string MediaType,
    string? MimeType,
    string? Sha256,
    string? FileName,
    string PhoneNumberId,
    string? From,
    string? Wamid,
    DateTimeOffset CreatedAt)
{
    public const string Pending = "pending";
    public const string Downloaded = "downloaded";
    public const string Failed = "failed";

    public long? Size { get; init; }
    public string? Bucket { get; init; }
    public string? Key { get; init; }

    /// <summary>True when the stored bytes hash to Meta's <see cref="Sha256"/>, false when they do not, null when not checked.</summary>
    public bool? Sha256Verified { get; init; }

    public int Attempts { get; init; }

    /// <summary>Set while one delivery downloads, so a duplicate queue message waits instead of downloading alongside.</summary>
    public DateTimeOffset? AttemptStartedAt { get; init; }

    public string? Error { get; init; }
    public DateTimeOffset? DownloadedAt { get; init; }
    public DateTimeOffset? FailedAt { get; init; }

    public bool IsFinished => Status is Downloaded or Failed;
}
