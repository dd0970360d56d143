using System.Collections.Concurrent;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Meta limits how fast one business number may write to one contact (about one message per 6 s, error 131056).
/// After a 131056 this instance holds every message to that contact until the block ends, instead of spending
/// attempts that are sure to fail; other contacts are not slowed. Each instance learns blocks from its own answers.
/// </summary>
public sealed class RecipientPacing(TimeProvider clock)
{
    private readonly ConcurrentDictionary<(string Number, string WaId), DateTimeOffset> _blockedUntil = new();

    /// <summary>How long a message to this contact must still wait (zero when it may go now).</summary>
    public TimeSpan WaitFor(string phoneNumberId, string to)
    {
        var key = Key(phoneNumberId, to);
        if (!_blockedUntil.TryGetValue(key, out var until)) return TimeSpan.Zero;
        var left = until - clock.GetUtcNow();
        if (left > TimeSpan.Zero) return left;
        _blockedUntil.TryRemove(KeyValuePair.Create(key, until));
        return TimeSpan.Zero;
    }

    public void Block(string phoneNumberId, string to, TimeSpan duration)
    {
        var until = clock.GetUtcNow() + duration;
        _blockedUntil.AddOrUpdate(Key(phoneNumberId, to), until, (_, current) => current > until ? current : until);
    }

    private static (string, string) Key(string phoneNumberId, string to) =>
        (PhoneNumberId.Normalize(phoneNumberId), RecipientRules.ToWaId(to));
}
