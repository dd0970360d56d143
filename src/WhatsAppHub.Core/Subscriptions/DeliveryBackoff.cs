namespace WhatsAppHub.Core.Subscriptions;

/// <summary>
/// How long a failed delivery waits before its next attempt: <c>first × 2^(attempt-1)</c>, capped at an hour, spread
/// by ±20 % jitter so a receiver that was down for everyone is not hit by every retry in the same second when it
/// comes back.
/// </summary>
public static class DeliveryBackoff
{
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromHours(1);

    /// <param name="attempt">The attempt that just failed (1 = the first).</param>
    /// <param name="jitter">A number in [0, 1); <see cref="Random.Shared"/>'s in production.</param>
    public static TimeSpan After(int attempt, TimeSpan first, double jitter)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var baseTicks = Math.Min(first.Ticks * Math.Pow(2, exponent), MaxDelay.Ticks);
        var ticks = baseTicks * (0.8 + 0.4 * Math.Clamp(jitter, 0, 1));
        return TimeSpan.FromTicks((long)Math.Min(ticks, MaxDelay.Ticks));
    }
}
