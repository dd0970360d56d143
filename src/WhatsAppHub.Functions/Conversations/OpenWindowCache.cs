using System.Collections.Concurrent;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// Remembers, per number and contact, the last inbound time that showed an open 24-hour window, so a burst of replies to
/// the same contact reads the CONVERSATION row once instead of on every accept (one storage read less per message).
/// Sound across instances because <c>lastInboundAt</c> only ever moves forward: a window seen open at L stays open until
/// L + 24 h whatever arrives later. Closed windows are never remembered; a newer inbound message may have reopened them.
/// </summary>
public sealed class OpenWindowCache(TimeProvider clock)
{
    /// <summary>Contacts remembered at most; beyond that the cache starts over (bounded memory, at worst extra reads).</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string Number, string WaId), DateTimeOffset> _lastInbound = new();

    /// <summary>True when a remembered inbound time still keeps the window open now.</summary>
    public bool IsKnownOpen(string phoneNumberId, string waId) =>
        _lastInbound.TryGetValue(Key(phoneNumberId, waId), out var last) && ServiceWindow.IsOpen(last, clock.GetUtcNow());

    /// <summary>Remembers <paramref name="lastInboundAt"/> if it opens the window now.</summary>
    public void Remember(string phoneNumberId, string waId, DateTimeOffset? lastInboundAt)
    {
        if (lastInboundAt is not { } last || !ServiceWindow.IsOpen(last, clock.GetUtcNow())) return;
        if (_lastInbound.Count >= Capacity) _lastInbound.Clear();
        _lastInbound.AddOrUpdate(Key(phoneNumberId, waId), last, (_, known) => known > last ? known : last);
    }

    private static (string, string) Key(string phoneNumberId, string waId) => (PhoneNumberId.Normalize(phoneNumberId), waId);
}
