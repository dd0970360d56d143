using WhatsAppHub.Core.Templates;

namespace WhatsAppHub.Core.Tests.Templates;

public class WabaIdAndTemplateStatusTests
{
    [Theory]
    [InlineData("waba-0123456789abcdef0123456789abcdef", "waba-0123456789abcdef0123456789abcdef")]
    [InlineData("arn:aws:social-messaging:us-east-1:123456789012:waba/0123456789abcdef0123456789abcdef", "waba-0123456789abcdef0123456789abcdef")]
    public void An_id_or_its_arn_names_the_same_account(string given, string normalized)
    {
        Assert.True(WabaId.IsValid(given));
        Assert.Equal(normalized, WabaId.Normalize(given));
    }

    [Theory]
    [InlineData("")]
    [InlineData("waba-")]
    [InlineData("waba-12|34")]
    [InlineData("waba-12/34")]
    [InlineData("phone-number-id-0123")]
    [InlineData("arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123")]
    public void Anything_else_is_refused(string given) => Assert.False(WabaId.IsValid(given));

    [Theory]
    [InlineData("APPROVED", true, true)]
    [InlineData("FLAGGED", true, false)]
    [InlineData("PAUSED", false, true)]
    [InlineData("PENDING", false, false)]
    [InlineData("DISABLED", false, false)]
    [InlineData("SOMETHING_NEW", false, false)]
    public void Statuses_say_what_a_template_allows(string status, bool sendable, bool editable)
    {
        Assert.Equal(sendable, TemplateStatus.IsSendable(status));
        Assert.Equal(editable, TemplateStatus.IsEditable(status));
    }
}
