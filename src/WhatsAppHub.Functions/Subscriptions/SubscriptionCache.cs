namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// The subscriptions as this instance last read them, kept for <see cref="Lifetime"/> so fan-out reads the table at
/// most once per few seconds instead of once per event. A create or delete on this instance invalidates it at once;
/// another instance sees the change within <see cref="Lifetime"/> (a delivery queued meanwhile for a deleted
/// subscription is cancelled when the worker finds the subscription gone).
/// </summary>
public sealed class SubscriptionCache(SubscriptionStore store, TimeProvider clock)
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;
    private int _generation;

    public async Task<IReadOnlyList<Subscription>> GetAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && clock.GetUtcNow() < fresh.ExpiresAt) return fresh.Subscriptions;
        // One reader refreshes while concurrent fan-outs wait for its answer instead of all querying at once.
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } loaded && clock.GetUtcNow() < loaded.ExpiresAt) return loaded.Subscriptions;
            var generation = _generation;
            var subscriptions = await store.ListAsync(cancellationToken);
            // An invalidation during the read means the list may predate a change made here: use it once, keep none.
            if (generation == _generation) _snapshot = new Snapshot(subscriptions, clock.GetUtcNow() + Lifetime);
            return subscriptions;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
    }

    private sealed record Snapshot(IReadOnlyList<Subscription> Subscriptions, DateTimeOffset ExpiresAt);
}
