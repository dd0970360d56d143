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
    public void Status_only_moves_forward(MessageStatus from, MessageStatus to, bool allowed) =>
        Assert.Equal(allowed, MessageStatusRules.CanMove(from, to));
}
