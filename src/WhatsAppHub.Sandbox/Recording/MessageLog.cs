using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Recording;

/// <summary>SendWhatsAppMessage calls, so tests can see exactly what the hub asked WhatsApp to send.</summary>
public sealed class MessageLog(IOptions<SandboxOptions> options) : BoundedLog<MessageRecord>(options.Value.MaxRecords)
{
    public MessageRecord? Find(string messageId) => FindLast(m => m.MessageId == messageId);
}
