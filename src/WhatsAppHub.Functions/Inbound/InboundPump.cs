using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// Drains the <c>inbound</c> queue in this process, up to <see cref="BatchSize"/> events at a time, each handled on its
/// own by <see cref="InboundWorker"/>. Several instances compete for the queue; a message is hidden while one of them
/// works on it and reappears if that one fails. Off when the Azure Functions host triggers on the queue
/// (<c>Inbound:RunPumps=false</c>).
/// </summary>
public sealed class InboundPump(
    QueueService queues,
    InboundWorker worker,
    StorageInitializer storage,
    HubOptions options,
    ILogger<InboundPump> logger) : BackgroundService
{
    public const int BatchSize = 16;

    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Inbound.RunPumps) return;
        await storage.Ready.WaitAsync(stoppingToken);

        var queue = queues.GetQueue(HubQueues.Inbound);
        var idle = TimeSpan.FromMilliseconds(20);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.GetAsync(BatchSize, InboundWorker.LeaseTime, stoppingToken);
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
                logger.LogWarning("Inbound queue unavailable ({Reason}); retrying", e.Message);
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
            logger.LogWarning(e, "Inbound queue message {QueueMessageId} not finished; it will be retried", message.MessageId);
        }
    }
}
