using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Events;

/// <summary>
/// Keys of the <c>Events</c> table. WEBHOOK_EVENT rows: <c>WEBHOOK_EVENT|{waba}|{yyyyMMdd}|{shard}</c> /
/// <c>{DescendingTimeKey(occurredAt)}|{event id}</c>: one account's day of history, newest first, spread over
/// <see cref="Shards"/> partitions by a hash of the event id.
/// </summary>
/// <remarks>
/// The type is a property, not part of the key: the history is read by account and time across types ("what happened
/// on this account today"), and type patterns (<c>status.*</c>, <c>account.*</c>) would each span many partitions. The
/// shard carries the throughput instead: at the 3,000 events/s target of one account, four shards take ~750 entities/s
/// each, well under Azure's ~2,000 per partition, whatever the mix of types. The shard and both keys come from the
/// event alone (its id and time), so the same event always lands on the same row and insert-if-absent folds duplicates.
/// </remarks>
public static class EventKeys
{
    public const string WebhookEventPrefix = "WEBHOOK_EVENT";
    public const int Shards = 4;

    /// <summary>Stands for an entry that named no account (never seen from Meta, but a row must still be keyed).</summary>
    public const string NoWaba = "-";

    /// <summary>
    /// Ids placed in keys beyond this length are replaced by their hash: a key holds at most 1 KiB, escaping can triple an
    /// id, and a CTWA key holds two ids.
    /// </summary>
    private const int MaxKeyPart = 160;

    public static string WebhookEventPartition(string? waba, DateTimeOffset occurredAt, int shard) =>
        StorageKey.Compose(WebhookEventPrefix, Fit(waba ?? NoWaba), Day(occurredAt), shard.ToString(CultureInfo.InvariantCulture));

    public static string WebhookEventPartition(string? waba, DateTimeOffset occurredAt, string eventId) =>
        WebhookEventPartition(waba, occurredAt, Shard(eventId));

    /// <summary>Newest first across every partition of the account: the time comes first, the id makes it unique.</summary>
    public static string WebhookEventRowKey(DateTimeOffset occurredAt, string eventId) =>
        StorageKey.DescendingTimeKey(occurredAt) + StorageKey.Separator + StorageKey.Escape(Fit(eventId));

    /// <summary>Events at or before <paramref name="until"/> have RowKeys at or above this one (RowKeys fall as time rises).</summary>
    public static string NewestRowKey(DateTimeOffset until) => StorageKey.DescendingTimeKey(until);

    /// <summary>Events at or after <paramref name="from"/> have RowKeys below this one.</summary>
    public static string OldestRowKeyBound(DateTimeOffset from) => StorageKey.DescendingTimeKey(from) + (char)(StorageKey.Separator + 1);

    /// <summary>The UTC day of a time, as partitions name it.</summary>
    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static int Shard(string eventId) => (int)(StorageKey.StableHash(eventId) % Shards);

    /// <summary>The id itself, or for an overlong one (only from a malformed webhook) <c>#</c> + its SHA-256, so keys stay under 1 KiB.</summary>
    public static string Fit(string id) =>
        id.Length <= MaxKeyPart ? id : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
