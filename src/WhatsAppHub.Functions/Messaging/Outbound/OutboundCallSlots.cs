namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// The EUM calls one instance keeps in flight (<c>Outbound:Concurrency</c>). A worker takes slots for a whole chunk of
/// a batch before recording its attempts, so no row waits in <c>sending</c> for a slot. It waits for one slot only and
/// takes whatever else is free, so two batches can never each hold part of the slots and wait for the other's.
/// </summary>
public sealed class OutboundCallSlots(int count)
{
    private readonly SemaphoreSlim _slots = new(count, count);

    /// <summary>Waits for at least one slot and takes up to <paramref name="wanted"/>: those free now, or one.</summary>
    public async Task<int> AcquireUpToAsync(int wanted, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        var taken = 1;
        while (taken < wanted && _slots.Wait(0)) taken++;
        return taken;
    }

    public void Release(int slots)
    {
        if (slots > 0) _slots.Release(slots);
    }
}
