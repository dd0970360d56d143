using System.Threading.Channels;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Functions.Storage;

/// <summary>
/// Group commit: items submitted at about the same time are handed to one flush, so storage sees one queue message and
/// one table transaction per partition for many callers instead of a few requests each. Batches form by themselves
/// while earlier ones are being written (at most <see cref="MaxFlushesInFlight"/> at a time), so a lone caller waits for
/// nothing; under concurrency a batch also lingers <see cref="Linger"/> for company, and is flushed at the batch limit.
/// Each caller gets its own outcome: the flush completes or fails every pending item it was given.
/// </summary>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private const int MaxFlushesInFlight = 2;
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(1);

    private readonly int _maxBatch;
    private readonly Func<IReadOnlyList<Pending>, Task> _flush;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _flushes = new(MaxFlushesInFlight);
    private readonly Task _loop;

    /// <param name="flush">Writes a batch and completes each item (<see cref="Pending.Done"/>); what it throws fails those it left open.</param>
    public GroupCommit(int maxBatch, Func<IReadOnlyList<Pending>, Task> flush)
    {
        _maxBatch = maxBatch;
        _flush = flush;
        // The loop does not inherit its creator's async flow (a pump's BackgroundLanes mark, say): each flush is marked
        // by the callers it serves instead (FlushAsync).
        using (ExecutionContext.SuppressFlow()) _loop = Task.Run(CollectAsync);
    }

    /// <summary>Completes once the flush that took <paramref name="item"/> has stored it; throws what storage threw.</summary>
    public Task<TResult> SubmitAsync(TItem item)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), BackgroundLanes.IsBackground);
        if (!_pending.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommit<TItem, TResult>));
        return pending.Done.Task;
    }

    private async Task CollectAsync()
    {
        var reader = _pending.Reader;
        var lastSize = 0;
        while (await reader.WaitToReadAsync())
        {
            await _flushes.WaitAsync();
            var batch = new List<Pending>(_maxBatch);
            Drain(reader, batch);
            // Linger only when callers are arriving together (the last batch had company); a lone caller goes at once.
            if (batch.Count < _maxBatch && lastSize > 1)
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

    private void Drain(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < _maxBatch && reader.TryRead(out var next)) batch.Add(next);
    }

    private async Task FlushAsync(List<Pending> batch)
    {
        // Background work only when every caller is (pumps marking what they processed, say): a flush that serves a
        // request handler never waits for a lane, and one that serves only pumps does not count as request traffic.
        if (batch.TrueForAll(p => p.Background)) BackgroundLanes.Enter();
        try
        {
            await _flush(batch);
        }
        catch (Exception e)
        {
            foreach (var p in batch) p.Done.TrySetException(e);
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

    /// <summary>One caller's item, the outcome it waits for, and whether the caller is background work (<see cref="BackgroundLanes"/>).</summary>
    public sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done, bool Background);
}
