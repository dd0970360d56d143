using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// Group commit for accepts (<see cref="GroupCommit{TItem,TResult}"/>): messages accepted at about the same time are
/// stored together, with ONE <c>outbound</c> queue message carrying all their ids and one table transaction per
/// partition (ids made together share one, see <see cref="MessageKeys"/>; two when template sends' MARKETING_MESSAGE /
/// AUTH_MESSAGE rows make more than 100 rows), instead of two storage calls per message.
/// <para>
/// Order is what it was per message: the queue message first, then the rows, so a row never exists without queue work
/// (queue work without a row, from a batch whose insert failed, is dropped by the worker). Each caller gets its own
/// outcome: the storage error of its queue put or of its partition's insert.
/// </para>
/// </summary>
public sealed class AcceptBatcher : IAsyncDisposable
{
    private readonly MessageStore _store;
    private readonly AcceptedRows? _accepted;
    private readonly IWorkQueue _outbound;
    private readonly GroupCommit<MessageRecord, bool> _commit;

    /// <param name="accepted">Where this instance's own worker finds the rows just stored; null when its pumps are off.</param>
    public AcceptBatcher(MessageStore store, QueueService queues, AcceptedRows? accepted)
    {
        _store = store;
        _accepted = accepted;
        _outbound = queues.GetQueue(HubQueues.Outbound);
        _commit = new GroupCommit<MessageRecord, bool>(OutboundWork.MaxIds, FlushAsync);
    }

    /// <summary>Completes once <paramref name="message"/> is on the queue and stored as its row; throws what storage threw.</summary>
    public Task AcceptAsync(MessageRecord message) => _commit.SubmitAsync(message);

    private async Task FlushAsync(IReadOnlyList<GroupCommit<MessageRecord, bool>.Pending> batch)
    {
        // Two requests with one Idempotency-Key can race into one batch with the same id: store it once (a
        // transaction refuses a row twice), and both get the outcome.
        // Never expires: an outage longer than the queue's default 7 days must not strand accepted messages.
        await _outbound.PutAsync(new OutboundWork(batch.Select(p => p.Item.Id).Distinct(StringComparer.Ordinal).ToList()).ToJson(),
            timeToLive: Timeout.InfiniteTimeSpan);
        await Task.WhenAll(batch.GroupBy(p => MessageKeys.MessagePartition(p.Item.Id)).Select(async group =>
        {
            var members = group.ToList();
            try
            {
                var messages = members.Select(p => p.Item).DistinctBy(m => m.Id, StringComparer.Ordinal).ToList();
                var stored = await _store.InsertAllAsync(messages, CancellationToken.None);
                if (_accepted is not null)
                    foreach (var message in messages)
                        if (stored.TryGetValue(message.Id, out var etag)) _accepted.Remember(message, etag);
                foreach (var p in members) p.Done.TrySetResult(true);
            }
            catch (Exception e)
            {
                foreach (var p in members) p.Done.TrySetException(e);
            }
        }));
    }

    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}
