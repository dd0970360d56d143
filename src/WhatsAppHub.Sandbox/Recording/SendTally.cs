using System.Collections.Concurrent;

namespace WhatsAppHub.Sandbox.Recording;

/// <summary>
/// How many times the sandbox accepted a send per <c>biz_opaque_callback_data</c>
/// (GET /sandbox/sends/by-callback-data). The message log keeps only the newest records; this tally counts every
/// accepted send, so a benchmark can prove that no message of a large run went out twice.
/// </summary>
public sealed class SendTally
{
    /// <summary>Distinct callback values kept (bounded memory); later ones are counted in <see cref="Untracked"/>.</summary>
    public const int Capacity = 1_000_000;

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private long _untracked;

    public long Untracked => Interlocked.Read(ref _untracked);

    public void Add(string? callbackData)
    {
        if (callbackData is null) return;
        if (_counts.Count >= Capacity && !_counts.ContainsKey(callbackData))
        {
            Interlocked.Increment(ref _untracked);
            return;
        }
        _counts.AddOrUpdate(callbackData, 1, (_, n) => n + 1);
    }

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public void Clear()
    {
        _counts.Clear();
        Interlocked.Exchange(ref _untracked, 0);
    }
}
