using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Functions.Storage;

/// <summary>
/// Drains one queue in this process with up to <see cref="MaxInFlight"/> messages handled at once. It does not wait for
/// a whole batch: a slow message (a long EUM copy, a silent subscriber) must not hold back the others. Several instances
/// compete for the queue; a message is hidden while one of them works on it and reappears after its lease if that one
/// fails. Off (<see cref="Enabled"/> false) when the Azure Functions host triggers on the queue instead.
/// </summary>
public abstract class QueuePump(QueueService queues, StorageInitializer storage, ILogger logger) : BackgroundService
{
    private const int MaxPerGet = 32; // the most a Get Messages call returns
    private static readonly TimeSpan MinIdleDelay = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    protected abstract string QueueName { get; }

    protected abstract int MaxInFlight { get; }

    /// <summary>How long a taken message stays hidden from other instances.</summary>
    protected abstract TimeSpan LeaseTime { get; }

    protected abstract bool Enabled { get; }

    /// <summary>Handles one message, deleting or re-queueing it; what it throws leaves the message to reappear.</summary>
    protected abstract Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        await storage.Ready.WaitAsync(stoppingToken);
        BackgroundLanes.Enter(); // this loop's and its handlers' storage calls take turns while requests are served

        var queue = queues.GetQueue(QueueName);
        using var slots = new SemaphoreSlim(MaxInFlight, MaxInFlight);
        var running = new List<Task>();
        var idle = MinIdleDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < MaxPerGet && slots.Wait(0)) free++;
                IReadOnlyList<QueueMessage> batch = [];
                try
                {
                    batch = await queue.GetAsync(free, LeaseTime, stoppingToken);
                }
                finally
                {
                    // Slots this batch does not use go back at once; used ones when their message is done.
                    if (batch.Count < free) slots.Release(free - batch.Count);
                }
                if (batch.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxIdleDelay.Ticks));
                    continue;
                }
                idle = MinIdleDelay;
                running.RemoveAll(t => t.IsCompleted);
                running.AddRange(batch.Select(message => RunAsync(queue, message, slots, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogWarning("Queue {Queue} unavailable ({Reason}); retrying", QueueName, e.Message);
                await Task.Delay(MaxIdleDelay, stoppingToken);
            }
        }
        await Task.WhenAll(running); // each ends promptly once cancelled; the slots must outlive them
    }

    private async Task RunAsync(IWorkQueue queue, QueueMessage message, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await HandleAsync(queue, message, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: the message reappears after its lease
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Queue {Queue} message {QueueMessageId} not finished; it will be retried", QueueName, message.MessageId);
        }
        finally
        {
            slots.Release();
        }
    }
}
