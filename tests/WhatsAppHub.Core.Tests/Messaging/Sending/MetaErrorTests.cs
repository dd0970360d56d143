using WhatsAppHub.Core.Messaging.Sending;

namespace WhatsAppHub.Core.Tests.Messaging.Sending;

public class MetaErrorTests
{
    [Theory]
    [InlineData("(#131056) Pair rate limit hit", 131056)]
    [InlineData("Meta refused: (#130429) Rate limit hit", 130429)]
    [InlineData("no code here", null)]
    [InlineData("(#) empty", null)]
    [InlineData(null, null)]
    public void The_code_is_read_from_metas_message_text(string? text, int? code) => Assert.Equal(code, MetaError.FindCode(text));

    [Theory]
    [InlineData(130429, true)]
    [InlineData(131056, true)]
    [InlineData(131000, true)]
    [InlineData(131016, true)]
    [InlineData(131047, false)]
    [InlineData(131026, false)]
    [InlineData(100, false)]
    public void Only_transient_codes_are_retried(int code, bool retryable) => Assert.Equal(retryable, MetaError.IsRetryable(code, out _));

    [Fact]
    public void The_pair_rate_limit_waits_at_least_six_seconds()
    {
        Assert.True(MetaError.IsRetryable(MetaError.PairRateLimit, out var floor));
        Assert.True(floor >= TimeSpan.FromSeconds(6));
    }
}
