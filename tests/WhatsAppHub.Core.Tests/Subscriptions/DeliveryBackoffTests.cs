using WhatsAppHub.Core.Subscriptions;

namespace WhatsAppHub.Core.Tests.Subscriptions;

public class DeliveryBackoffTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(8, 640)]
    public void The_delay_doubles_per_attempt_within_twenty_percent_jitter(int attempt, double seconds)
    {
        var first = TimeSpan.FromSeconds(5);

        Assert.Equal(seconds * 0.8, DeliveryBackoff.After(attempt, first, 0).TotalSeconds, 6);
        Assert.Equal(seconds, DeliveryBackoff.After(attempt, first, 0.5).TotalSeconds, 6);
        Assert.InRange(DeliveryBackoff.After(attempt, first, 0.999).TotalSeconds, seconds, seconds * 1.2);
    }

    [Fact]
    public void No_delay_exceeds_an_hour()
    {
        Assert.Equal(TimeSpan.FromHours(1), DeliveryBackoff.After(50, TimeSpan.FromSeconds(5), 0.999));
        Assert.Equal(TimeSpan.FromHours(1), DeliveryBackoff.After(int.MaxValue, TimeSpan.FromHours(2), 0.5));
    }
}
