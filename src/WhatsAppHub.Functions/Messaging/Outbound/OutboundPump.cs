using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Drains the <c>outbound</c> queue in this process. A queue message names up to <see cref="OutboundWork.MaxIds"/>
/// messages, so the pump counts messages, not queue messages: it keeps about <see cref="MaxMessagesInFlight"/> in hand
/// (EUM calls themselves are limited to <see cref="OutboundSettings.Concurrency"/> by the worker) and asks the queue only
/// for what fits, so nothing sits hidden here while other instances could send it. Each dequeue (up to 32 queue
/// messages) goes to the worker as one unit, so its rows are read and written together. When a dequeue finds less than
/// it asked for, the pump lets work gather for <see cref="GatherDelay"/> before asking again: at a steady rate the next
/// unit is then several accept batches instead of one, and each of its transactions (attempts, outcomes, wamid
/// pointers) carries that many more rows. Several instances compete for the same queue; each message is hidden while one
/// of them works on it. Off when the Azure Functions host triggers on the queue.
/// </summary>
public sealed class OutboundPump(
    QueueService queues,
    SendWorker worker,
    StorageInitializer storage,
    HubOptions options,
    ILogger<OutboundPump> logger) : BackgroundService
{
    private static readonly TimeSpan MaxIdleDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Short against a send's own round trip to EUM and Meta, long enough that at 1,000 sends/s a unit holds about 50
    /// messages rather than one accept batch of about 10: in <c>./bench.sh storage</c>, Azurite's CPU per sent message
    /// falls by about 40% from 10- to 100-row transactions, and on Azure Storage every transaction saved is billed.
    /// </summary>
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(50);

    private readonly SemaphoreSlim _finished = new(0);
    private int _inFlight;

    /// <summary>Four calls' worth per slot: enough to keep the slots busy while batches are read and written.</summary>
    private int MaxMessagesInFlight => options.Outbound.Concurrency * 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Outbound.RunPumps) return;
        await storage.Ready.WaitAsync(stoppingToken);
        BackgroundLanes.Enter(); // this loop's and the worker's storage calls take turns while requests are served

        var queue = queues.GetQueue(HubQueues.Outbound);
        var idle = TimeSpan.FromMilliseconds(20);
        var idsPerQueueMessage = 1.0; // a running average, to turn free capacity into a number of queue messages
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var free = MaxMessagesInFlight - Volatile.Read(ref _inFlight);
                if (free <= 0)
                {
                    await _finished.WaitAsync(TimeSpan.FromMilliseconds(100), stoppingToken);
                    continue;
                }
                var wanted = (int)Math.Clamp(Math.Ceiling(free / idsPerQueueMessage), 1, 32);
                var batch = await queue.GetAsync(wanted, worker.LeaseTime, stoppingToken);
                if (batch.Count == 0)
                {
                    await Task.Delay(idle, stoppingToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxIdleDelay.Ticks));
                    continue;
                }
                idle = TimeSpan.FromMilliseconds(20);
                var ids = 0;
                foreach (var message in batch) ids += OutboundWork.TryParse(message.Text)?.MessageIds.Count ?? 1;
                idsPerQueueMessage = 0.8 * idsPerQueueMessage + 0.2 * ids / batch.Count;
                Interlocked.Add(ref _inFlight, ids);
                _ = HandleAsync(queue, batch, ids, stoppingToken); // the dequeued batch is one unit of work: its rows are read and written together
                if (batch.Count < wanted) await Task.Delay(GatherDelay, stoppingToken); // the queue is drained: let the next unit gather
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

    private async Task HandleAsync(IWorkQueue queue, IReadOnlyList<QueueMessage> batch, int ids, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield(); // let the pump ask for more at once
            await worker.HandleAsync(queue, batch, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: the message reappears after its lease and another instance (or the next start) takes it
        }
        catch (Exception e)
        {
            // Storage trouble mid-way: leave the messages; they reappear after their lease and the rows say how far each got.
            logger.LogWarning(e, "Outbound queue messages {QueueMessageIds} not all finished; they will be retried", string.Join(", ", batch.Select(m => m.MessageId)));
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -ids);
            _finished.Release();
        }
    }
}
