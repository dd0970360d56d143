using System.Collections.Concurrent;
using WhatsAppHub.Azure.Queues;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>What becomes of an <c>outbound</c> queue message once its messages were handled: deleted, or kept and split for what must wait.</summary>
public static class WorkRequeue
{
    /// <summary>
    /// Puts this queue message's ids that must wait back on the queue, grouped by their delay in whole seconds (the
    /// queue's granularity), then lets go of the original. New queue messages go first, so a crash in between leaves
    /// duplicates (absorbed by the rows), never lost work. One group stays in the original queue message, its text and
    /// visibility changed in one call: the group of rows not written yet if there is one, because the orphan check
    /// counts from the original's insertion time.
    /// </summary>
    public static async Task FinishAsync(IWorkQueue queue, QueueMessage queued, OutboundWork work, List<string> owned, HashSet<string> unwritten,
        ConcurrentDictionary<string, TimeSpan> later, CancellationToken cancellationToken)
    {
        var waiting = owned.Where(unwritten.Contains).Select(id => (Id: id, Delay: TimeSpan.Zero))
            .Concat(owned.Where(later.ContainsKey).Select(id => (Id: id, Delay: later[id])));
        var groups = waiting
            .GroupBy(p => Seconds(p.Delay))
            .Select(g => (Delay: TimeSpan.FromSeconds(g.Key), Ids: g.Select(p => p.Id).ToList()))
            .OrderBy(g => g.Delay)
            .ToList();
        if (groups.Count == 0)
        {
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            return;
        }

        var kept = groups.FirstOrDefault(g => g.Ids.Any(unwritten.Contains), groups[0]);
        await Task.WhenAll(groups.Where(g => !ReferenceEquals(g.Ids, kept.Ids))
            .SelectMany(g => g.Ids.Chunk(OutboundWork.MaxIds).Select(part => queue.PutAsync(new OutboundWork(part).ToJson(), visibilityDelay: g.Delay, timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken))));
        var sameIds = kept.Ids.Count == work.MessageIds.Count;
        await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, kept.Delay,
            sameIds ? null : new OutboundWork(kept.Ids).ToJson(), cancellationToken);
    }

    /// <summary>A delay in whole seconds, at least one (the queue's own granularity) and at most six days (under its seven-day limit).</summary>
    private static int Seconds(TimeSpan delay) => (int)Math.Clamp(Math.Ceiling(delay.TotalSeconds), 1, TimeSpan.FromDays(6).TotalSeconds);

}
