namespace WhatsAppHub.Functions.Analytics;

/// <summary>One day's (or a range's) counts as the API shows them.</summary>
public sealed record OutcomeCountsView(long Sent, long Delivered, long Read, long Replied, long Failed, IReadOnlyDictionary<string, long> FailedByCode)
{
    public static OutcomeCountsView From(OutcomeTally t) => new(t.Sent, t.Delivered, t.Read, t.Replied, t.Failed, t.FailedByCode);
}

public sealed record OutcomeDayView(DateOnly Date, long Sent, long Delivered, long Read, long Replied, long Failed, IReadOnlyDictionary<string, long> FailedByCode)
{
    public static OutcomeDayView From(DateOnly date, OutcomeTally t) => new(date, t.Sent, t.Delivered, t.Read, t.Replied, t.Failed, t.FailedByCode);
}

/// <summary>Shares of the messages sent: delivered, read, replied to (0 to 1, four decimals); null when none was sent.</summary>
public sealed record OutcomeRatesView(double? Delivered, double? Read, double? Replied)
{
    public static OutcomeRatesView From(OutcomeTally t) => new(Rate(t.Delivered, t.Sent), Rate(t.Read, t.Sent), Rate(t.Replied, t.Sent));

    public static double? Rate(long part, long of) => of <= 0 ? null : Math.Round((double)part / of, 4);
}

/// <summary>
/// <c>GET /api/templates/{name}/analytics</c>: every day of the range (zero days included), oldest first, the totals
/// and the rates. <c>language</c> is null when the counts cover every language of the name.
/// </summary>
public sealed record TemplateAnalyticsView(string Name, string? Language, string WabaId, DateOnly From, DateOnly To,
    IReadOnlyList<OutcomeDayView> Days, OutcomeCountsView Totals, OutcomeRatesView Rates);

/// <summary>A funnel step: its count, its share of the messages sent, and its share of the step before.</summary>
public sealed record FunnelStepView(string Step, long Count, double? RateOfSent, double? RateOfPrevious);

/// <summary>What a funnel covers: an account, a template of it (one language or all), or a campaign.</summary>
public sealed record FunnelScopeView(string? WabaId, string? Template, string? Language, string? Campaign);

/// <summary><c>GET /api/analytics/funnel</c>: sent → delivered → read → replied over the range, and the failures beside it.</summary>
public sealed record FunnelView(FunnelScopeView Scope, DateOnly From, DateOnly To, IReadOnlyList<FunnelStepView> Steps, long Failed,
    IReadOnlyDictionary<string, long> FailedByCode);
