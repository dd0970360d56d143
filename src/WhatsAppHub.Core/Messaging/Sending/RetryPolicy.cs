namespace WhatsAppHub.Core.Messaging.Sending;

/// <summary>
/// How often and how late a failed send is tried again: exponential back-off with full jitter (a random delay
/// between zero and the exponential ceiling), so many messages throttled together do not come back together.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included; after the last the message fails with its reason.</param>
/// <param name="BaseDelay">The ceiling of the first retry's delay; it doubles with every attempt.</param>
/// <param name="MaxDelay">No retry waits longer than this.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(8, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    /// <summary>True when a message that has made <paramref name="attemptsMade"/> attempts may make another.</summary>
    public bool CanRetry(int attemptsMade) => attemptsMade < MaxAttempts;

    /// <summary>
    /// The delay before the next attempt after <paramref name="attemptsMade"/> attempts. A <paramref name="floor"/>
    /// (a cause's own minimum, such as the pair rate limit's) is added to the jittered part, never replaced by it.
    /// </summary>
    public TimeSpan NextDelay(int attemptsMade, Random random, TimeSpan floor = default)
    {
        var exponent = Math.Clamp(attemptsMade - 1, 0, 30);
        var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
        var delay = floor + jittered;
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
