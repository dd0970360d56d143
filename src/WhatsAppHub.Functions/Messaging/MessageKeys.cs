using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// Keys of the MESSAGE rows (table <c>Messages</c>) and of the wamid pointer rows (table <c>MessageWamids</c>); docs/data-model.md explains the choice.
/// <para>
/// A hub id is a version-7 GUID in hex whose first 12 digits are its creation time in Unix milliseconds. MESSAGE rows
/// live in the partition <c>MSG|{first 9 hex digits}</c> (a 4.096 s time bucket) with the id as RowKey: a message's
/// partition is computable from its id, messages accepted together share a partition (so one entity group transaction
/// stores or updates a whole batch), a time range is a PartitionKey range, and every RowKey is unique (stores that
/// index rows by RowKey, like Azurite, find it without scanning). At 1,000 sends/s the current bucket takes about 3,000
/// entity writes per second (insert, attempt, outcome), above Azure's ~2,000/s partition target at that full tier;
/// all current writes go to the newest bucket whatever its length, so the remedy, if Azure throttles it, is a shard
/// digit before the bucket (batches then split by shard), not a shorter bucket.
/// </para>
/// <para>
/// Wamid pointers cannot use the message's partition (a look-up knows only the wamid), so they spread over
/// <see cref="WamidPartitions"/> partitions by a stable hash of the wamid, RowKey = the escaped wamid: few enough that a
/// worker's batch of pointers is a handful of transactions, enough that status reads do not pile on one partition.
/// </para>
/// </summary>
public static class MessageKeys
{
    public const string MessagePrefix = "MSG";
    public const int BucketDigits = 9;
    public const int WamidPartitions = 4;

    public static string MessagePartition(string id) =>
        StorageKey.Compose(MessagePrefix, id.Length > BucketDigits ? id[..BucketDigits] : id);

    public static string MessageRowKey(string id) => StorageKey.Escape(id);

    /// <summary>The partition holding messages created at <paramref name="time"/> (for time-range listings).</summary>
    public static string MessagePartitionAt(DateTimeOffset time) => StorageKey.Compose(MessagePrefix, IdPrefix(time)[..BucketDigits]);

    /// <summary>The first 12 hex digits of ids created at <paramref name="time"/>.</summary>
    public static string IdPrefix(DateTimeOffset time) =>
        Math.Max(0, time.ToUnixTimeMilliseconds()).ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits RowKeys of one partition into sorted runs whose ids were made at most <see cref="RunSpan"/> apart, so a
    /// RowKey range query per run reads few rows besides the wanted ones (a retry's old id next to a fresh batch would
    /// otherwise stretch one range over seconds of other messages). Keys that are not hub ids form runs of one.
    /// </summary>
    public static IEnumerable<IReadOnlyList<string>> Runs(IEnumerable<string> rowKeys)
    {
        List<string>? run = null;
        long runStart = 0;
        foreach (var key in rowKeys.Order(StringComparer.Ordinal))
        {
            var ms = CreatedMs(key);
            if (run is not null && ms is { } t && t - runStart <= (long)RunSpan.TotalMilliseconds)
            {
                run.Add(key);
                continue;
            }
            if (run is not null) yield return run;
            run = [key];
            runStart = ms ?? long.MinValue;
            if (ms is null)
            {
                yield return run;
                run = null;
            }
        }
        if (run is not null) yield return run;
    }

    public static readonly TimeSpan RunSpan = TimeSpan.FromMilliseconds(250);

    private static long? CreatedMs(string id) =>
        id.Length == 32 && long.TryParse(id.AsSpan(0, 12), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var ms) ? ms : null;

    public static string WamidPartition(string wamid) =>
        StorageKey.Compose("WAMID", (StorageKey.StableHash(wamid) % WamidPartitions).ToString(CultureInfo.InvariantCulture));

    public static string WamidRowKey(string wamid) => StorageKey.Escape(wamid);

    /// <summary>
    /// True when an id or wamid, escaped, fits a key with room for a prefix (escaping can triple a caller's text):
    /// anything longer names no row, and the store refuses to read or write it.
    /// </summary>
    public static bool FitsKey(string idOrWamid) => StorageKey.Escape(idOrWamid).Length <= TableRowLimits.MaxKeyLength - 16;
}
