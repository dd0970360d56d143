namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// The shares between the funnel's steps (0 to 1, four decimals; null when the step before is zero): conversations per
/// click reported (can pass 1 when not every click is reported), replies and conversions per conversation, conversions
/// per click.
/// </summary>
public sealed record CtwaRatesView(double? ConversationsPerClick, double? RepliesPerConversation, double? ConversionsPerConversation, double? ConversionsPerClick)
{
    public static CtwaRatesView From(CtwaTally t) => new(OutcomeRatesView.Rate(t.Conversations, t.Clicks), OutcomeRatesView.Rate(t.Replies, t.Conversations),
        OutcomeRatesView.Rate(t.Conversions, t.Conversations), OutcomeRatesView.Rate(t.Conversions, t.Clicks));
}

/// <summary>One ad's funnel: clicks → conversations → replies → conversions, and the rates.</summary>
public sealed record CtwaAdView(string SourceId, long Clicks, long Conversations, long Replies, long Conversions, CtwaRatesView Rates)
{
    public static CtwaAdView From(string sourceId, CtwaTally t) => new(sourceId, t.Clicks, t.Conversations, t.Replies, t.Conversions, CtwaRatesView.From(t));
}

/// <summary>The steps summed over the ads listed.</summary>
public sealed record CtwaTotalsView(long Clicks, long Conversations, long Replies, long Conversions, CtwaRatesView Rates)
{
    public static CtwaTotalsView From(CtwaTally t) => new(t.Clicks, t.Conversations, t.Replies, t.Conversions, CtwaRatesView.From(t));
}

/// <summary><c>GET /api/analytics/ctwa</c>: every ad with a count in the range (most conversations first), or the one asked for.</summary>
public sealed record CtwaMetricsView(string WabaId, string? SourceId, DateOnly From, DateOnly To, IReadOnlyList<CtwaAdView> Ads, CtwaTotalsView Totals);

/// <summary>A click as recorded; <c>duplicate</c> when its ctwaClid was reported before (the stored click is shown, counted once).</summary>
public sealed record CtwaClickView(string Id, string WabaId, string SourceId, string? SourceType, string? CtwaClid, DateTimeOffset OccurredAt,
    string? Campaign, string? AdName, DateTimeOffset RecordedAt, bool Duplicate)
{
    public static CtwaClickView From(CtwaClick c, bool duplicate) =>
        new(c.Id, c.WabaId, c.SourceId, c.SourceType, c.CtwaClid, c.OccurredAt, c.Campaign, c.AdName, c.RecordedAt, duplicate);
}

/// <summary>The batch form's answer: how many clicks were new, how many repeated a ctwaClid, and each click in the order given.</summary>
public sealed record CtwaClickBatchView(int Recorded, int Duplicates, IReadOnlyList<CtwaClickView> Clicks);

/// <summary>
/// A conversion as the funnel holds it: <c>counted</c> false when the contact had converted already (the earlier
/// conversion is shown: a contact converts once).
/// </summary>
public sealed record CtwaConversionView(bool Counted, string WabaId, string SourceId, string PhoneNumberId, string WaId, string? Kind,
    DateTimeOffset? ConvertedAt, string? Reference, double? Value, string? Currency);
