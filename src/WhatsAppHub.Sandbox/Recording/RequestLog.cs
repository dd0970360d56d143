using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Recording;

/// <summary>Every EUM request, kept for inspection by tests and developers.</summary>
public sealed class RequestLog(IOptions<SandboxOptions> options) : BoundedLog<RecordedRequest>(options.Value.MaxRecords)
{
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);
}
