using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// What a set of outcome counters is about: one template in one language of an account, one campaign, or everything an
/// account's numbers sent. <see cref="PartitionKey"/> is where its counter rows live (<see cref="OutcomeKeys"/>).
/// </summary>
public sealed record OutcomeScope
{
    private OutcomeScope(string partitionKey) => PartitionKey = partitionKey;

    /// <summary>The counter rows' partition: <c>OUTCOME|T|{waba}|{name}|{language}</c>, <c>OUTCOME|C|{campaignId}</c>, <c>OUTCOME|A|{waba}</c> or <c>OUTCOME|W|{waba}|{source_id}</c>.</summary>
    public string PartitionKey { get; }

    /// <summary>Messages sent from one template in one language.</summary>
    public static OutcomeScope Template(string wabaId, string name, string language) =>
        new(StorageKey.Compose(OutcomeKeys.Prefix, "T", wabaId, name, language));

    /// <summary>Messages a campaign sent (MESSAGE rows with its <c>campaignId</c>).</summary>
    public static OutcomeScope Campaign(string campaignId) => new(StorageKey.Compose(OutcomeKeys.Prefix, "C", campaignId));

    /// <summary>Every outbound message of the account's numbers, template or not.</summary>
    public static OutcomeScope Account(string wabaId) => new(StorageKey.Compose(OutcomeKeys.Prefix, "A", wabaId));

    /// <summary>The Click-to-WhatsApp funnel of one ad (its referral <c>source_id</c>) of an account: clicks, conversations, replies, conversions.</summary>
    public static OutcomeScope Ad(string wabaId, string sourceId) => new(StorageKey.Compose(OutcomeKeys.Prefix, "W", wabaId, sourceId));

    /// <summary>The start shared by the partitions of every ad of an account.</summary>
    internal static string AdsPrefix(string wabaId) => StorageKey.Compose(OutcomeKeys.Prefix, "W", wabaId) + StorageKey.Separator;

    /// <summary>The ad a partition of <see cref="Ad"/> counts for.</summary>
    internal static string AdSourceId(string partitionKey) => StorageKey.Split(partitionKey)[^1];

    /// <summary>The start shared by the partitions of every language of a template (read with one range query).</summary>
    internal static string TemplateLanguagesPrefix(string wabaId, string name) =>
        StorageKey.Compose(OutcomeKeys.Prefix, "T", wabaId, name) + StorageKey.Separator;
}
