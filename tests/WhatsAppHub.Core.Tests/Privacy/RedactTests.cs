using WhatsAppHub.Core.Privacy;

namespace WhatsAppHub.Core.Tests.Privacy;

public class RedactTests
{
    [Theory]
    [InlineData("+447700900123", "+447*******23")]
    [InlineData("15555550100", "+155******00")]
    [InlineData("12345", "+1**45")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    public void Phone_numbers_keep_only_their_ends(string input, string expected) => Assert.Equal(expected, Redact.PhoneNumber(input));

    [Fact]
    public void Masked_number_never_contains_the_middle_digits()
    {
        var masked = Redact.PhoneNumber("+44 7700 900123");
        Assert.DoesNotContain("7700900", masked.Replace("*", ""));
    }
}
