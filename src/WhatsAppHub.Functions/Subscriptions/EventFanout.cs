using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Subscriptions;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// The one way events reach subscribers: for every event and every subscription whose patterns match its type, one
/// delivery row and one <c>deliveries</c> queue message. Idempotent: delivery rows are keyed by subscription and event
/// (<see cref="DeliveryKeys"/>), so publishing the same events again (a redelivered inbound message, a retried
/// handler) creates no second delivery.
/// </summary>
public sealed class EventFanout(SubscriptionCache cache, DeliveryStore deliveries, TimeProvider clock, ILogger<EventFanout> logger)
{
    /// <summary>Deliveries created at once; bounded so a large batch does not open hundreds of storage requests together.</summary>
    public const int Parallelism = 16;

    /// <returns>How many deliveries were queued (0 for events already published).</returns>
    /// <exception cref="WhatsAppHub.Azure.Storage.StorageRequestException">Storage failed: publish the same events again later; nothing is sent twice.</exception>
    public async Task<int> PublishAsync(IReadOnlyList<HubEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return 0;
        var subscriptions = await cache.GetAsync(cancellationToken);
        if (subscriptions.Count == 0) return 0;

        // The same event twice in one call would race its own insert and could queue two messages: keep one.
        var work = (from evt in events.DistinctBy(e => e.Id)
                    from subscription in subscriptions
                    where EventPatterns.AnyMatches(subscription.Events, evt.Type)
                    select (subscription, evt)).ToList();
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, evt) in work) bodies.TryAdd(evt.Id, EventPayload.ToJson(evt));

        var queued = 0;
        var now = clock.GetUtcNow();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                if (await deliveries.CreateAsync(item.subscription, item.evt, bodies[item.evt.Id], now, ct)) Interlocked.Increment(ref queued);
            });
        if (queued > 0) logger.LogDebug("Queued {Count} deliveries for {Events} events", queued, events.Count);
        return queued;
    }
}
