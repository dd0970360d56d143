using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// Drains the <c>media-download</c> queue in this process, up to <see cref="BatchSize"/> downloads at a time. It runs
/// with the inbound pump (<c>Inbound:RunPumps</c>): both are the inbound path, and when the Azure Functions host triggers
/// on one queue it triggers on the other.
/// </summary>
public sealed class MediaDownloadPump(
    QueueService queues,
    MediaDownloadWorker worker,
    StorageInitializer storage,
    HubOptions options,
    ILogger<MediaDownloadPump> logger) : BackgroundService
{
    /// <summary>Few at a time: each download is one long EUM call that copies a file.</summary>
    public const int BatchSize = 8;

    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Inbound.RunPumps || options.Media.InboundBucket is null) return;
        await storage.Ready.WaitAsync(stoppingToken);

        var queue = queues.GetQueue(HubQueues.MediaDownload);
        var idle = TimeSpan.FromMilliseconds(20);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.GetAsync(BatchSize, MediaDownloadWorker.LeaseTime, stoppingToken);
                if (batch.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxIdleDelay.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(20);
                await Task.WhenAll(batch.Select(m => HandleAsync(queue, m, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Media download queue unavailable ({Reason}); retrying", e.Message);
                await Task.Delay(MaxIdleDelay, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await worker.HandleAsync(queue, message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: the message reappears after its lease
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Media download queue message {QueueMessageId} not finished; it will be retried", message.MessageId);
        }
    }
}
