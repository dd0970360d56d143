using System.Threading.Channels;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// Group commit for accepts: messages accepted at about the same time are stored together, with ONE <c>outbound</c> queue
/// message carrying all their ids and one table transaction per partition (ids made together share one, see
/// <see cref="MessageKeys"/>), instead of two storage calls per message. Batches form by themselves while earlier ones
/// are being written (at most <see cref="MaxFlushesInFlight"/> at a time), so a lone accept waits for nothing; under
/// concurrency a batch also lingers <see cref="Linger"/> for company, and is flushed at <see cref="OutboundWork.MaxIds"/>.
/// <para>
/// Order is what it was per message: the queue message first, then the rows, so a row never exists without queue work
/// (queue work without a row, from a batch whose insert failed, is dropped by the worker). Each caller gets its own
/// outcome: the storage error of its queue put or of its partition's insert.
/// </para>
/// </summary>
public sealed class AcceptBatcher : IAsyncDisposable
{
    private const int MaxFlushesInFlight = 2;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(1);

    private readonly MessageStore _store;
    private readonly IWorkQueue _outbound;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _flushes = new(MaxFlushesInFlight);
    private readonly Task _loop;

    public AcceptBatcher(MessageStore store, QueueService queues)
    {
        _store = store;
        _outbound = queues.GetQueue(HubQueues.Outbound);
        _loop = Task.Run(CollectAsync);
    }

    /// <summary>Completes once <paramref name="message"/> is on the queue and stored as its row; throws what storage threw.</summary>
    public Task AcceptAsync(MessageRecord message)
    {
        var pending = new Pending(message, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(AcceptBatcher));
        return pending.Done.Task;
    }

    private async Task CollectAsync()
    {
        var reader = _pending.Reader;
        var lastSize = 0;
        while (await reader.WaitToReadAsync())
        {
            await _flushes.WaitAsync();
            var batch = new List<Pending>(OutboundWork.MaxIds);
            Drain(reader, batch);
            // Linger only when callers are arriving together (the last batch had company); a lone caller goes at once.
            if (batch.Count < OutboundWork.MaxIds && lastSize > 1)
            {
                await Task.Delay(Linger);
                Drain(reader, batch);
            }
            lastSize = batch.Count;
            if (batch.Count == 0)
            {
                _flushes.Release();
                continue;
            }
            _ = FlushAsync(batch);
        }
    }

    private static void Drain(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < OutboundWork.MaxIds && reader.TryRead(out var next)) batch.Add(next);
    }

    private async Task FlushAsync(List<Pending> batch)
    {
        try
        {
            try
            {
                // Two requests with one Idempotency-Key can race into one batch with the same id: store it once (a
                // transaction refuses a row twice), and both get the outcome.
                // Never expires: an outage longer than the queue's default 7 days must not strand accepted messages.
                await _outbound.PutAsync(new OutboundWork(batch.Select(p => p.Message.Id).Distinct(StringComparer.Ordinal).ToList()).ToJson(),
                    timeToLive: Timeout.InfiniteTimeSpan);
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.TrySetException(e);
                return;
            }
            await Task.WhenAll(batch.GroupBy(p => MessageKeys.MessagePartition(p.Message.Id)).Select(async group =>
            {
                var members = group.ToList();
                try
                {
                    await _store.InsertAllAsync(members.Select(p => p.Message).DistinctBy(m => m.Id, StringComparer.Ordinal).ToList(), CancellationToken.None);
                    foreach (var p in members) p.Done.TrySetResult();
                }
                catch (Exception e)
                {
                    foreach (var p in members) p.Done.TrySetException(e);
                }
            }));
        }
        finally
        {
            _flushes.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(MessageRecord Message, TaskCompletionSource Done);
}
