using System.Collections.Concurrent;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Events;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>The referral a contact is attributed to: their first message from an ad.</summary>
/// <param name="PhoneNumberId">The EUM number the contact wrote to.</param>
/// <param name="SourceId">The ad (referral <c>source_id</c>).</param>
public sealed record CtwaFirstReferral(string PhoneNumberId, string WaId, string SourceId, DateTimeOffset OccurredAt);

/// <summary>
/// Which ad a contact belongs to: the ad of their FIRST referral, the first row of <c>CTWA_CONTACT|{phoneNumberId}|{waId}</c>
/// (oldest first, written by <see cref="CtwaEventStore"/> before the message is handled). Most contacts never came from
/// an ad, and the inbound path asks for every message, so an answer of "none" is remembered for
/// <see cref="ForgetNoneAfter"/> (at most <see cref="MaxRemembered"/> contacts); a referral recorded by this instance
/// forgets it at once. Another instance's referral is seen once the short memory lapses.
/// </summary>
public sealed class CtwaAttribution(TableService tables, TimeProvider clock)
{
    public static readonly TimeSpan ForgetNoneAfter = TimeSpan.FromSeconds(30);
    public const int MaxRemembered = 20_000;

    private readonly ITableStore _events = tables.GetTable(HubTables.Events);
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _none = new();

    public async Task<CtwaFirstReferral?> FirstAsync(string phoneNumberId, string waId, CancellationToken cancellationToken)
    {
        var key = (phoneNumberId, waId);
        var now = clock.GetUtcNow();
        if (_none.TryGetValue(key, out var until) && until > now) return null;

        var page = await _events.QueryAsync(new TableQuery { PartitionKey = CtwaEventStore.ContactPartition(phoneNumberId, waId), Top = 1 }, cancellationToken);
        if (page.Rows.FirstOrDefault() is { } row && row.GetString("sourceId") is { Length: > 0 } sourceId)
        {
            _none.TryRemove(key, out _);
            return new CtwaFirstReferral(phoneNumberId, waId, EventKeys.Fit(sourceId), row.GetDateTimeOffset("occurredAt") ?? now);
        }
        // Bounded: when full, the memory starts over (a few extra reads, never a wrong answer for longer than the lapse).
        if (_none.Count >= MaxRemembered) _none.Clear();
        _none[key] = now + ForgetNoneAfter;
        return null;
    }

    /// <summary>The contact who wrote from a click: the referral message that carried its <c>ctwa_clid</c> (<c>CTWA_CLID|{ctwa_clid}</c>).</summary>
    public async Task<(string PhoneNumberId, string WaId)?> ContactOfClickAsync(string ctwaClid, CancellationToken cancellationToken) =>
        await _events.GetAsync(CtwaEventStore.ClickPartition(ctwaClid), StorageKey.Escape(EventKeys.Fit(ctwaClid)), cancellationToken) is { } row
        && row.GetString("phoneNumberId") is { } phoneNumberId && row.GetString("waId") is { } waId
            ? (phoneNumberId, waId)
            : null;

    /// <summary>The contact has just written from an ad: a remembered "none" is wrong from now on.</summary>
    public void Forget(string phoneNumberId, string waId) => _none.TryRemove((phoneNumberId, waId), out _);
}
