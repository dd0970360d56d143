using System.Collections.Concurrent;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// The MESSAGE rows this instance has just stored on accepting, with the ETags their inserts returned, for its own
/// <see cref="SendWorker"/>: a worker that dequeues what its own instance accepted starts from these instead of reading
/// the rows back (a query per unit of work; in Azurite one that scans the whole table, on Azure a billed transaction).
/// <para>
/// A copy can only be stale if something else wrote the row since (another instance's worker, a status webhook), and
/// then the worker's ETag-conditional <c>sending</c> update is refused and the row is read again: nothing is decided
/// from a stale copy. Each copy is handed out once. Copies no worker of this instance takes (another instance dequeued
/// them) are dropped after <see cref="MaxAge"/>, and no more are kept beyond <see cref="Capacity"/>, so the memory held
/// is bounded whatever the backlog. An id dequeued before its insert has answered is simply read.
/// </para>
/// </summary>
public sealed class AcceptedRows(TimeProvider clock)
{
    /// <summary>About 20 s of accepts at 1,000/s: more than a worker that keeps up ever has waiting.</summary>
    public const int Capacity = 20_000;

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (MessageRecord Message, string ETag)> _rows = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Id, DateTimeOffset StoredAt)> _order = new();

    /// <summary>Keeps a copy of a row just inserted; <paramref name="etag"/> is what its insert returned.</summary>
    public void Remember(MessageRecord message, string etag)
    {
        var now = clock.GetUtcNow();
        // Oldest first: copies taken long ago only leave their id in the queue; it goes once it is old or the queue is long.
        while (_order.TryPeek(out var oldest) && (now - oldest.StoredAt > MaxAge || _rows.Count >= Capacity || _order.Count >= 2 * Capacity)
               && _order.TryDequeue(out oldest))
            _rows.TryRemove(oldest.Id, out _);
        if (_rows.Count >= Capacity) return;
        _rows[message.Id] = (message, etag);
        _order.Enqueue((message.Id, now));
    }

    /// <summary>The copy of the row of <paramref name="id"/>, once; false when there is none (the caller reads the row).</summary>
    public bool TryTake(string id, out (MessageRecord Message, string ETag) row) => _rows.TryRemove(id, out row);
}
