using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Tests.Messaging;

public class PhoneNumberIdTests
{
    [Theory]
    [InlineData("phone-number-id-0123abcd", "phone-number-id-0123abcd")]
    [InlineData("arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123abcd", "phone-number-id-0123abcd")]
    public void Normalize_gives_one_spelling_for_id_and_arn(string value, string expected) =>
        Assert.Equal(expected, PhoneNumberId.Normalize(value));
}
