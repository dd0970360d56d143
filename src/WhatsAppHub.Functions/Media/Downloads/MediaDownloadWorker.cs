using System.Security.Cryptography;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Media;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// Handles one <c>media-download</c> queue message: EUM <c>GetWhatsAppMessageMedia</c> writes the media into the inbound
/// bucket, the hub finds the object, checks Meta's SHA-256 when the file is small enough to read back, and the
/// MEDIA_DOWNLOAD row ends downloaded. Errors another attempt can overcome (throttling, EUM or S3 unavailable) wait
/// with back-off by hiding the message; the rest (WhatsApp no longer has the media) and the last allowed attempt end
/// the row failed with the reason. A download that already ended is not repeated, so duplicates change nothing.
/// </summary>
public sealed class MediaDownloadWorker(
    MediaDownloadStore downloads,
    ISocialMessaging eum,
    MediaBuckets buckets,
    QueueService queues,
    HubOptions options,
    TimeProvider clock,
    ILogger<MediaDownloadWorker> logger)
{
    /// <summary>Files up to this size are read back to check Meta's SHA-256 (every type but documents fits).</summary>
    public const long VerifyLimitBytes = 16 * 1024 * 1024;

    /// <summary>Deliveries beyond the allowed attempts (lost leases, races between duplicates) before a message is set aside.</summary>
    public const int ExtraDequeues = 50;

    private static readonly TimeSpan DuplicatePollDelay = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.MediaDownloadPoison), logger);

    /// <summary>Long enough for EUM to copy a 100 MB document; the message reappears if this instance dies.</summary>
    public static TimeSpan LeaseTime { get; } = TimeSpan.FromMinutes(2);

    private sealed record Outcome(StoredObject? Stored, string? MimeType, bool? Verified, string? Error, bool Retryable);

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        if (MediaDownloadWork.TryParse(queued.Text) is not { } work)
        {
            await _poison.MoveAsync(queue, queued, "The queue message is not a media download ({\"phoneNumberId\", \"mediaId\", \"mediaType\", …}).", cancellationToken);
            return;
        }
        if (buckets.Inbound is not { } bucket)
        {
            await _poison.MoveAsync(queue, queued, "No inbound media bucket is configured (Media__Bucket / Media__InboundBucket).", cancellationToken);
            return;
        }
        var found = await downloads.FindAsync(work.MediaId, cancellationToken);
        if (found is null)
        {
            // The scheduler queues before it writes the row: a crash in between leaves the row to write here.
            await downloads.InsertIfAbsentAsync(MediaDownloadScheduler.PendingRow(work, clock.GetUtcNow()), cancellationToken);
            found = await downloads.FindAsync(work.MediaId, cancellationToken);
        }
        var (download, etag) = found!.Value;
        if (download.IsFinished)
        {
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            return;
        }

        if (queued.DequeueCount > options.Media.DownloadMaxAttempts + ExtraDequeues)
        {
            // Handling itself keeps failing (the table, say): end the row if possible, and set the message aside.
            var reason = $"Dequeued {queued.DequeueCount} times.";
            await downloads.ReplaceAsync(download with { Status = MediaDownload.Failed, Error = reason, FailedAt = clock.GetUtcNow() }, etag, cancellationToken);
            await _poison.MoveAsync(queue, queued, reason, cancellationToken);
            return;
        }

        var started = clock.GetUtcNow();
        if (download.AttemptStartedAt is { } running && started - running < LeaseTime)
        {
            // Another delivery of the same media is downloading it: look again shortly (it ends the row, or its lease runs out).
            await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, DuplicatePollDelay, cancellationToken);
            return;
        }
        var attempt = download.Attempts + 1;
        download = download with { Attempts = attempt, AttemptStartedAt = started };
        if (await downloads.ReplaceAsync(download, etag, cancellationToken) is not { } claimed)
        {
            await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }
        etag = claimed;

        var outcome = await DownloadAsync(work, bucket, cancellationToken);
        var now = clock.GetUtcNow();
        MediaDownload next;
        TimeSpan? retryIn = null;
        if (outcome.Stored is { } stored)
        {
            next = download with
            {
                Status = MediaDownload.Downloaded, MimeType = outcome.MimeType, Size = stored.Size, Bucket = bucket.Bucket, Key = stored.Key,
                Sha256Verified = outcome.Verified, AttemptStartedAt = null, Error = null, DownloadedAt = now,
            };
            if (outcome.Verified == false)
                logger.LogWarning("Media {MediaId} from {From}: the downloaded bytes do not match Meta's SHA-256", work.MediaId, Redact.PhoneNumber(work.From));
            logger.LogInformation("Downloaded {MediaType} {MediaId} ({Size} bytes) to {Key}", work.MediaType, work.MediaId, stored.Size, stored.Key);
        }
        else if (outcome.Retryable && attempt < options.Media.DownloadMaxAttempts)
        {
            next = download with { AttemptStartedAt = null, Error = outcome.Error };
            retryIn = RetryDelay(attempt);
            logger.LogInformation("Download of media {MediaId} attempt {Attempt} failed ({Reason}); retrying in {Delay}", work.MediaId, attempt, outcome.Error, retryIn);
        }
        else
        {
            var reason = outcome.Retryable ? $"Gave up after {attempt} attempt(s): {outcome.Error}" : outcome.Error;
            next = download with { Status = MediaDownload.Failed, AttemptStartedAt = null, Error = reason, FailedAt = now };
            logger.LogWarning("Download of media {MediaId} from {From} failed: {Reason}", work.MediaId, Redact.PhoneNumber(work.From), reason);
        }

        if (await downloads.ReplaceAsync(next, etag, cancellationToken) is null)
        {
            // Only a delivery that waited out this one's lease writes the claimed row: look again soon, and let the row decide.
            await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, TimeSpan.FromSeconds(1), cancellationToken);
            return;
        }
        if (retryIn is { } delay)
            await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, delay, cancellationToken);
        else
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
    }

    private async Task<Outcome> DownloadAsync(MediaDownloadWork work, IMediaStore bucket, CancellationToken cancellationToken)
    {
        var prefix = InboundMediaKeys.Prefix(options.Media.InboundKeyPrefix, work.PhoneNumberId, work.ReceivedAt);
        string? mimeType;
        try
        {
            var response = await eum.GetWhatsAppMessageMediaAsync(new GetWhatsAppMessageMediaRequest
            {
                MediaId = work.MediaId,
                OriginationPhoneNumberId = work.PhoneNumberId,
                DestinationS3File = new S3File { BucketName = bucket.Bucket, Key = prefix },
            }, cancellationToken);
            mimeType = response.MimeType ?? work.MimeType;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var problem = EumProblem.From(e);
            var detail = problem.RequestId is { } id ? $"{problem.Detail} (EUM request {id})" : problem.Detail;
            return new Outcome(null, null, null, $"EUM GetWhatsAppMessageMedia: {problem.ErrorType}: {detail}", problem.Retryable);
        }

        try
        {
            StoredObject? stored = null;
            foreach (var key in InboundMediaKeys.Candidates(prefix, work.MediaId, mimeType))
                if ((stored = await bucket.HeadAsync(key, cancellationToken)) is not null) break;
            if (stored is null)
                return new Outcome(null, null, null, $"EUM reported the media copied, but the bucket '{bucket.Bucket}' has no object {prefix}{work.MediaId}….", true);
            var verified = work.Sha256 is { } sha256 && stored.Size <= VerifyLimitBytes ? await MatchesAsync(bucket, stored.Key, sha256, cancellationToken) : null;
            return new Outcome(stored, mimeType ?? stored.ContentType, verified, null, false);
        }
        catch (Exception e) when (UploadMediaHandler.IsStoreFailure(e, cancellationToken))
        {
            return new Outcome(null, null, null, $"The media bucket '{bucket.Bucket}' did not answer ({e.GetType().Name}: {e.Message}).", true);
        }
    }

    /// <summary>Meta sends the SHA-256 base64-encoded; hex is taken too. Null when the object vanished meanwhile.</summary>
    private static async Task<bool?> MatchesAsync(IMediaStore bucket, string key, string expected, CancellationToken cancellationToken)
    {
        await using var content = await bucket.OpenReadAsync(key, cancellationToken);
        if (content is null) return null;
        var hash = await SHA256.HashDataAsync(content, cancellationToken);
        return Convert.ToBase64String(hash) == expected.Trim() || Convert.ToHexString(hash).Equals(expected.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The configured first delay, doubled per attempt, capped, with up to a fifth of random spread so retries of a burst part.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var delay = options.Media.DownloadRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        if (delay > MaxRetryDelay) delay = MaxRetryDelay;
        return delay + delay * (Random.Shared.NextDouble() / 5);
    }
}
