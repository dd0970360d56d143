namespace WhatsAppHub.Azure.Tests;

/// <summary>Unique table and queue names, so tests sharing one Azurite never see each other's data.</summary>
internal static class TestNames
{
    private static int _counter;

    public static string Table(string hint) => $"{hint}{Interlocked.Increment(ref _counter)}x{Guid.NewGuid():N}"[..Math.Min(60, hint.Length + 20)];

    public static string Queue(string hint) => $"{hint.ToLowerInvariant()}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..Math.Min(60, hint.Length + 24)];
}
