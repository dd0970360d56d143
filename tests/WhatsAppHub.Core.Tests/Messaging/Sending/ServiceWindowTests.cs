using WhatsAppHub.Core.Messaging.Sending;

namespace WhatsAppHub.Core.Tests.Messaging.Sending;

public class ServiceWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_within_24_hours_of_the_contacts_last_message() => Assert.True(ServiceWindow.IsOpen(Now.AddHours(-23.9), Now));

    [Fact]
    public void Closed_after_24_hours() => Assert.False(ServiceWindow.IsOpen(Now.AddHours(-24), Now));

    [Fact]
    public void Closed_when_the_contact_never_wrote() => Assert.False(ServiceWindow.IsOpen(null, Now));
}
