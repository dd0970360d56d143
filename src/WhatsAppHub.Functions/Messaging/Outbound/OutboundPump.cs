using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Drains the <c>outbound</c> queue in this process: dequeues in batches of 32 and keeps up to
/// <see cref="OutboundSettings.Concurrency"/> sends in flight. Several instances compete for the same queue; each
/// message is hidden while one of them works on it. Off when the Azure Functions host triggers on the queue.
/// </summary>
public sealed class OutboundPump(
    QueueService queues,
    SendWorker worker,
    StorageInitializer storage,
    HubOptions options,
    ILogger<OutboundPump> logger) : BackgroundService
{
    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Outbound.RunPumps) return;
        await storage.Ready.WaitAsync(stoppingToken);

        var queue = queues.GetQueue(HubQueues.Outbound);
        using var slots = new SemaphoreSlim(options.Outbound.Concurrency);
        var idle = TimeSpan.FromMilliseconds(20);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Ask only for as many messages as there are free slots, so nothing sits hidden in this process.
                await slots.WaitAsync(stoppingToken);
                var free = 1 + slots.CurrentCount;
                IReadOnlyList<QueueMessage> batch;
                try
                {
                    batch = await queue.GetAsync(Math.Min(32, free), worker.LeaseTime, stoppingToken);
                }
                finally
                {
                    slots.Release();
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxIdleDelay.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(20);
                foreach (var message in batch)
                {
                    await slots.WaitAsync(stoppingToken);
                    _ = HandleAsync(queue, message, slots, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Outbound queue unavailable ({Reason}); retrying", e.Message);
                await Task.Delay(MaxIdleDelay, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(IWorkQueue queue, QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await worker.HandleAsync(queue, message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: the message reappears after its lease and another instance (or the next start) takes it
        }
        catch (Exception e)
        {
            // Storage trouble mid-way: leave the message; it reappears after its lease and the row says how far it got.
            logger.LogWarning(e, "Outbound queue message {QueueMessageId} not finished; it will be retried", message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }
}
