using System.Globalization;
using System.Text;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// Keys and property names of the <c>Analytics</c> table's counter and reply-marker rows (docs/data-model.md). A
/// scope's counters for one day are spread over <see cref="Shards"/> rows, <c>{yyyyMMdd}|{shard}|{hash of the
/// partition}</c>, so instances adding to the same day rarely meet on one row, and a range of days is one RowKey range.
/// </summary>
public static class OutcomeKeys
{
    public const string Prefix = "OUTCOME";
    public const int Shards = 4;

    /// <summary>A row keeps at most this many distinct failure codes (a property each); any further code counts as <see cref="OtherCode"/>.</summary>
    public const int MaxCodesPerRow = 200;

    public const string OtherCode = "other";
    public const string Sent = "sent";
    public const string Delivered = "delivered";
    public const string Read = "read";
    public const string Replied = "replied";
    public const string Failed = "failed";
    public const string FailedCodePrefix = "failed_";

    // Click-to-WhatsApp steps of an ad's counters (OutcomeScope.Ad); its replies are counted as 'replied'.
    public const string Clicks = "clicks";
    public const string Conversations = "conversations";
    public const string Conversions = "conversions";

    /// <summary>Property names must be identifiers: longer or stranger codes are cut to what a name may hold.</summary>
    private const int MaxCodeLength = 64;

    public static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The hash makes RowKeys unique across the table (see the key rules) without repeating the scope.</summary>
    public static string RowKey(string partitionKey, DateOnly day, int shard) =>
        string.Create(CultureInfo.InvariantCulture, $"{DayKey(day)}{StorageKey.Separator}{shard}{StorageKey.Separator}{StorageKey.StableHash(partitionKey):x8}");

    public static DateOnly? DayOf(string rowKey) =>
        rowKey.Length >= 8 && DateOnly.TryParseExact(rowKey[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The code as the counters name it: letters, digits and underscores of Meta's code or the hub's error type.</summary>
    public static string Code(string? code)
    {
        var builder = new StringBuilder();
        foreach (var c in code ?? string.Empty)
            if (char.IsAsciiLetterOrDigit(c) || c == '_') builder.Append(c);
        return builder.Length == 0 ? "unknown" : builder.ToString(0, Math.Min(builder.Length, MaxCodeLength));
    }

    /// <summary>Reply markers of messages created in the same 4 s bucket share a partition, like their MESSAGE rows.</summary>
    public static string ReplyPartition(string messageId) =>
        StorageKey.Compose("REPLIED", messageId.Length > 9 ? messageId[..9] : messageId);

    public static string ReplyRowKey(string messageId) => StorageKey.Escape(messageId);
}
