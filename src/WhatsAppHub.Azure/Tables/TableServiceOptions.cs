using Azure.Core;

namespace WhatsAppHub.Azure.Tables;

/// <summary>Pipeline options of <see cref="TableService"/> (retries, transport, diagnostics).</summary>
public sealed class TableServiceOptions : ClientOptions
{
    /// <summary>How long <see cref="TableService.PingAsync"/> waits for an answer.</summary>
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
