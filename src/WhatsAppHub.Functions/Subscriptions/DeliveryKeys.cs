using System.Security.Cryptography;
using System.Text;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// Keys of delivery rows. The partition is the subscription (<c>DLV|{subscription id}</c>), so its delivery log is
/// one partition read in key order. The RowKey, which is also the delivery id, is the event's time counting down
/// (newest first) and a hash of the event id: <c>{19 digits}-{24 hex}</c>. Both halves come from the event alone, so
/// publishing the same event again meets the row already there (insert-if-absent folds it), and the id is safe in a
/// URL path whatever characters the event id holds.
/// </summary>
public static partial class DeliveryKeys
{
    public const string PartitionPrefix = "DLV";

    public static string Partition(string subscriptionId) => StorageKey.Compose(PartitionPrefix, subscriptionId);

    public static string DeliveryId(string eventId, DateTimeOffset occurredAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(eventId));
        return StorageKey.DescendingTimeKey(occurredAt) + "-" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static bool IsDeliveryId(string id) => Pattern().IsMatch(id);

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9]{19}-[0-9a-f]{24}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
