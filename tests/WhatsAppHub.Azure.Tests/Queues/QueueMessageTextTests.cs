using System.Text;
using WhatsAppHub.Azure.Queues;

namespace WhatsAppHub.Azure.Tests.Queues;

public class QueueMessageTextTests
{
    [Fact]
    public void Encodes_as_base64_of_utf8_like_the_functions_trigger_expects()
    {
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("héllo ✓")), QueueMessageText.Encode("héllo ✓"));
        Assert.Equal("héllo ✓", QueueMessageText.Decode(QueueMessageText.Encode("héllo ✓")));
        Assert.Equal("", QueueMessageText.Decode(QueueMessageText.Encode("")));
    }

    [Fact]
    public void Text_that_is_not_base64_is_returned_as_is()
    {
        Assert.Equal("{\"plain\":true}", QueueMessageText.Decode("{\"plain\":true}"));
    }
}
