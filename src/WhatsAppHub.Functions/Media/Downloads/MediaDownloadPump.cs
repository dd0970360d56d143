using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// Drains the <c>media-download</c> queue with <see cref="MediaDownloadWorker"/>. It runs with the inbound pump
/// (<c>Inbound:RunPumps</c>): both are the inbound path, and when the Azure Functions host triggers on one queue it
/// triggers on the other.
/// </summary>
public sealed class MediaDownloadPump(QueueService queues, MediaDownloadWorker worker, StorageInitializer storage, HubOptions options,
    ILogger<MediaDownloadPump> logger) : QueuePump(queues, storage, logger)
{
    protected override string QueueName => HubQueues.MediaDownload;

    /// <summary>Few at a time: each download is one long EUM call that copies a file.</summary>
    protected override int MaxInFlight => 8;

    protected override TimeSpan LeaseTime => MediaDownloadWorker.LeaseTime;

    protected override bool Enabled => options.Inbound.RunPumps && options.Media.InboundBucket is not null;

    protected override Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken cancellationToken) =>
        worker.HandleAsync(queue, message, cancellationToken);
}
