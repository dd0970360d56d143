using System.Text;
using WhatsAppHub.Core.Subscriptions;

namespace WhatsAppHub.Core.Tests.Subscriptions;

public class SubscriptionRulesTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("message.received")]
    [InlineData("message.*")]
    [InlineData("status.*")]
    [InlineData("status.read")]
    [InlineData("status.played")]
    [InlineData("account.*")]
    [InlineData("account.message_template_status_update")]
    [InlineData("error")]
    [InlineData("unknown")]
    [InlineData("payment.*")]
    [InlineData("payment.captured")]
    [InlineData("payment.failed")]
    public void Known_types_prefixes_and_star_are_valid_patterns(string pattern) => Assert.True(EventPatterns.IsValid(pattern));

    [Theory]
    [InlineData("")]
    [InlineData("**")]
    [InlineData("status")]
    [InlineData("status.")]
    [InlineData("status.seen")]
    [InlineData("message.sent")]
    [InlineData("messages.*")]
    [InlineData("account.")]
    [InlineData("account.Bad-Field")]
    [InlineData("status.*.*")]
    [InlineData("*.read")]
    [InlineData("payment.paid")]
    public void Typos_and_unknown_types_are_refused(string pattern) => Assert.False(EventPatterns.IsValid(pattern));

    [Fact]
    public void A_prefix_pattern_matches_its_types_only()
    {
        Assert.True(EventPatterns.AnyMatches(["status.*"], "status.read"));
        Assert.False(EventPatterns.AnyMatches(["status.*"], "message.received"));
        Assert.True(EventPatterns.AnyMatches(["error", "message.received"], "message.received"));
        Assert.True(EventPatterns.AnyMatches(["*"], "account.calls"));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", true, true)]
    [InlineData("http://localhost/hook", true, true)]
    [InlineData("http://[::1]/hook", true, true)]
    [InlineData("http://127.0.0.1:8080/hook", false, false)]
    [InlineData("http://10.0.0.1/hook", true, false)]
    [InlineData("https://example.com/hook", false, true)]
    public void Http_is_allowed_only_to_loopback_and_only_when_enabled(string endpoint, bool allowHttpLoopback, bool valid)
    {
        var (subscription, errors) = SubscriptionRules.Read(Encoding.UTF8.GetBytes($$"""{"endpoint":"{{endpoint}}","secret":"0123456789abcdef"}"""), allowHttpLoopback);

        Assert.Equal(valid, subscription is not null);
        if (!valid) Assert.Equal("$.endpoint", Assert.Single(errors).Path);
    }
}
