using System.Globalization;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Keys of the <c>Campaigns</c> table. Campaign rows share one partition (campaigns are few; the listing is one
/// query). Recipients lie in blocks of <see cref="BlockSize"/> by their index, <c>CAMPRCPT|{id}|{block}</c>: a chunk of
/// the runner reads and writes one block (one query, one transaction of up to 100 rows), a 100,000-recipient audience
/// spreads over 100 partitions, and the create writes blocks side by side.
/// </summary>
public static partial class CampaignKeys
{
    public const string CampaignPartition = "CAMPAIGN|all";
    public const int BlockSize = 1000;

    /// <summary><c>cmp-</c> and a version-7 GUID in hex: unique, time-ordered, URL-safe.</summary>
    public static string NewId() => "cmp-" + Guid.CreateVersion7().ToString("N");

    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static string RecipientPartition(string campaignId, int index) =>
        StorageKey.Compose("CAMPRCPT", campaignId, (index / BlockSize).ToString("D3", CultureInfo.InvariantCulture));

    /// <summary>Starts with the campaign id, so RowKeys are unique across the table (docs/data-model.md, key rules).</summary>
    public static string RecipientRowKey(string campaignId, int index) =>
        $"{campaignId}{StorageKey.Separator}{index.ToString("D6", CultureInfo.InvariantCulture)}";

    /// <summary>The end of the block that holds <paramref name="index"/> (exclusive): a chunk never crosses it.</summary>
    public static int BlockEnd(int index) => (index / BlockSize + 1) * BlockSize;

    [GeneratedRegex("^cmp-[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
