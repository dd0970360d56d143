using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// Called for each message the <c>inbound</c> handler processes: media a contact sent (image, audio, video, document,
/// sticker) gets a pending MEDIA_DOWNLOAD row and a <c>media-download</c> queue message, because WhatsApp's media ids
/// expire. The queue message goes first: a crash in between leaves work without a row (the worker writes it), never a
/// row without work. Media that already ended downloaded or failed is not queued again.
/// </summary>
public sealed class MediaDownloadScheduler(
    MediaDownloadStore downloads,
    QueueService queues,
    HubOptions options,
    TimeProvider clock,
    ILogger<MediaDownloadScheduler> logger)
{
    private readonly IWorkQueue _queue = queues.GetQueue(HubQueues.MediaDownload);

    /// <summary>True when a download was queued for this message.</summary>
    public async Task<bool> ScheduleAsync(EumEvent evt, InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.Content is not MediaContent { MediaId: { } mediaId } media || options.Media.InboundBucket is null) return false;
        if (!MediaDownloadStore.IsWhatsAppMediaId(mediaId))
        {
            logger.LogWarning("Inbound {Type} message {Wamid} names media id '{MediaId}', which is not a WhatsApp media id; not downloaded",
                message.Type, message.Wamid, mediaId.Length <= 100 ? mediaId : mediaId[..100]);
            return false;
        }
        if (evt.EumPhoneNumberFor(message.MetaPhoneNumberId) is not { } arn) return false; // the message handler logs it
        if (await downloads.FindAsync(mediaId, cancellationToken) is { Download.IsFinished: true }) return false;

        var now = clock.GetUtcNow();
        var receivedAt = message.Timestamp is { } at && at <= now ? at : now;
        var work = new MediaDownloadWork(PhoneNumberId.Normalize(arn), mediaId, message.Wamid, media.MediaType, media.MimeType, media.Sha256,
            media.FileName, RecipientRules.ToWaId(message.From), receivedAt);
        await _queue.PutAsync(work.ToJson(), timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
        await downloads.InsertIfAbsentAsync(PendingRow(work, now), cancellationToken);
        logger.LogInformation("Queued the download of {MediaType} {MediaId} from {From}", media.MediaType, mediaId, Redact.PhoneNumber(work.From ?? string.Empty));
        return true;
    }

    public static MediaDownload PendingRow(MediaDownloadWork work, DateTimeOffset now) =>
        new(work.MediaId, MediaDownload.Pending, work.MediaType, work.MimeType, work.Sha256, work.FileName, work.PhoneNumberId, work.From, work.Wamid, now);
}
