using WhatsAppHub.Azure.Queues;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Waiting for the hub's workers to finish what is on a queue.</summary>
public static class QueueDrain
{
    /// <summary>
    /// Polls until the queue holds nothing, hidden (retrying) messages included: every message on it has been handled
    /// and let go of. Fails the test when that takes longer than <paramref name="within"/>.
    /// </summary>
    public static async Task WaitEmptyAsync(this IWorkQueue queue, TimeSpan within)
    {
        for (var deadline = DateTime.UtcNow + within; DateTime.UtcNow < deadline; await Task.Delay(100))
            if (await queue.GetApproximateLengthAsync() == 0) return;
        throw new Xunit.Sdk.XunitException($"The {queue.Name} queue did not drain within {within.TotalSeconds:F0} s: {await queue.GetApproximateLengthAsync()} left.");
    }
}
