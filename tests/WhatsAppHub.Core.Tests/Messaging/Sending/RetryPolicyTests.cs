using WhatsAppHub.Core.Messaging.Sending;

namespace WhatsAppHub.Core.Tests.Messaging.Sending;

public class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    [Fact]
    public void Retries_stop_at_the_attempt_limit()
    {
        Assert.True(Policy.CanRetry(4));
        Assert.False(Policy.CanRetry(5));
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 2_000)]
    [InlineData(3, 4_000)]
    [InlineData(10, 30_000)]
    public void Delays_are_jittered_below_a_doubling_ceiling_capped_at_the_maximum(int attempts, int ceilingMs)
    {
        var random = new Random(1);
        var delays = Enumerable.Range(0, 500).Select(_ => Policy.NextDelay(attempts, random).TotalMilliseconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 0, ceilingMs));
        Assert.True(delays.Max() > ceilingMs * 0.9, "jitter should use the whole range");
        Assert.True(delays.Distinct().Count() > 400, "jitter should spread retries");
    }

    [Fact]
    public void A_cause_floor_is_added_to_the_jitter_and_the_maximum_still_holds()
    {
        var random = new Random(2);
        Assert.All(Enumerable.Range(0, 100).Select(_ => Policy.NextDelay(1, random, TimeSpan.FromSeconds(6))),
            d => Assert.InRange(d.TotalMilliseconds, 6_000, 7_000));
        Assert.Equal(TimeSpan.FromSeconds(30), Policy.NextDelay(1, random, TimeSpan.FromMinutes(5)));
    }
}
