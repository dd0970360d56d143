using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// Drains the <c>deliveries</c> queue in this process with up to <see cref="MaxInFlight"/> attempts running at once.
/// Unlike the inbound pump it does not wait for a whole batch: one slow or silent subscriber (up to
/// <c>Subscriptions__TimeoutSeconds</c> per attempt) must not hold back deliveries to the others. Off when the Azure
/// Functions host triggers on the queue (<c>Subscriptions:RunPumps=false</c>).
/// </summary>
public sealed class DeliveryPump(
    QueueService queues,
    DeliveryWorker worker,
    StorageInitializer storage,
    HubOptions options,
    ILogger<DeliveryPump> logger) : BackgroundService
{
    public const int MaxInFlight = 64;

    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _slots = new(MaxInFlight, MaxInFlight);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Subscriptions.RunPumps) return;
        await storage.Ready.WaitAsync(stoppingToken);

        var queue = queues.GetQueue(HubQueues.Deliveries);
        var idle = TimeSpan.FromMilliseconds(20);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < 32 && _slots.Wait(0)) free++;
                IReadOnlyList<QueueMessage> batch = [];
                try
                {
                    batch = await queue.GetAsync(free, worker.LeaseTime, stoppingToken);
                }
                finally
                {
                    // Slots this batch does not use go back at once; used ones when their attempt ends.
                    if (batch.Count < free) _slots.Release(free - batch.Count);
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxIdleDelay.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(20);
                foreach (var message in batch) _ = RunAsync(queue, message, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Deliveries queue unavailable ({Reason}); retrying", e.Message);
                await Task.Delay(MaxIdleDelay, stoppingToken);
            }
        }
    }

    private async Task RunAsync(IWorkQueue queue, QueueMessage message, CancellationToken stoppingToken)
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
            logger.LogWarning(e, "Deliveries queue message {QueueMessageId} not finished; it will be retried", message.MessageId);
        }
        finally
        {
            _slots.Release();
        }
    }
}
