using Azure.Core;

namespace WhatsAppHub.Azure.Queues;

/// <summary>Pipeline options of <see cref="QueueService"/> (retries, transport, diagnostics).</summary>
public sealed class QueueServiceOptions : ClientOptions
{
    /// <summary>How long <see cref="QueueService.PingAsync"/> waits for an answer.</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
