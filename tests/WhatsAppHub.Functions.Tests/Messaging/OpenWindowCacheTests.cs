using WhatsAppHub.Functions.Conversations;

namespace WhatsAppHub.Functions.Tests.Messaging;

/// <summary>The accept path may skip the CONVERSATION read only while a window it saw open is certainly still open.</summary>
public class OpenWindowCacheTests
{
    private const string Number = "phone-number-id-0123456789abcdef0123456789abcdef";
    private const string Contact = "15555550100";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_window_seen_open_is_known_open_until_24_hours_after_the_contact_wrote()
    {
        var clock = new ManualClock(Start);
        var cache = new OpenWindowCache(clock);

        cache.Remember(Number, Contact, Start - TimeSpan.FromHours(1));

        Assert.True(cache.IsKnownOpen(Number, Contact));
        Assert.True(cache.IsKnownOpen("arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef", Contact));
        Assert.False(cache.IsKnownOpen(Number, "15555550199"));
        clock.Now = Start + TimeSpan.FromHours(23) - TimeSpan.FromSeconds(1);
        Assert.True(cache.IsKnownOpen(Number, Contact));
        clock.Now = Start + TimeSpan.FromHours(23) + TimeSpan.FromSeconds(1);
        Assert.False(cache.IsKnownOpen(Number, Contact));
    }

    [Fact]
    public void A_closed_or_never_opened_window_is_not_remembered_so_a_new_inbound_message_counts_at_once()
    {
        var cache = new OpenWindowCache(new ManualClock(Start));

        cache.Remember(Number, Contact, Start - TimeSpan.FromHours(25));
        cache.Remember(Number, "15555550101", null);

        Assert.False(cache.IsKnownOpen(Number, Contact));
        Assert.False(cache.IsKnownOpen(Number, "15555550101"));
    }

    [Fact]
    public void An_older_inbound_time_never_shortens_a_newer_one()
    {
        var clock = new ManualClock(Start);
        var cache = new OpenWindowCache(clock);

        cache.Remember(Number, Contact, Start - TimeSpan.FromMinutes(5));
        cache.Remember(Number, Contact, Start - TimeSpan.FromHours(20));
        clock.Now = Start + TimeSpan.FromHours(10);

        Assert.True(cache.IsKnownOpen(Number, Contact));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
