namespace WhatsAppHub.Sandbox.Tests.Support;

/// <summary>A clock stopped at one instant, for signature-expiry tests.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
