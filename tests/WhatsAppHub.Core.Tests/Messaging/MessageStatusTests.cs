using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Tests.Messaging;

public class MessageStatusTests
{
    [Theory]
    [InlineData(MessageStatus.Accepted, MessageStatus.Sending, true)]
    [InlineData(MessageStatus.Sending, MessageStatus.Sent, true)]
    [InlineData(MessageStatus.Sent, MessageStatus.Read, true)]
    [InlineData(MessageStatus.Read, MessageStatus.Delivered, false)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Delivered, false)]
    [InlineData(MessageStatus.Sending, MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Sent, MessageStatus.Failed, true)]
    [InlineData(MessageStatus.Delivered, MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Failed, MessageStatus.Sent, false)]
    [InlineData(MessageStatus.Read, MessageStatus.Played, true)]
    [InlineData(MessageStatus.Played, MessageStatus.Read, false)]
    [InlineData(MessageStatus.Played, MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Received, MessageStatus.Read, false)]
    [InlineData(MessageStatus.Received, MessageStatus.Failed, false)]
    [InlineData(MessageStatus.Sending, MessageStatus.Received, false)]
    public void Status_only_moves_forward(MessageStatus from, MessageStatus to, bool allowed) =>
        Assert.Equal(allowed, MessageStatusRules.CanMove(from, to));

    [Theory]
    [InlineData("played", MessageStatus.Played)]
    [InlineData("received", MessageStatus.Received)]
    public void The_new_statuses_read_and_write_by_name(string wire, MessageStatus status)
    {
        Assert.True(MessageStatusRules.TryParse(wire, out var parsed));
        Assert.Equal(status, parsed);
        Assert.Equal(wire, status.ToWire());
    }
}
