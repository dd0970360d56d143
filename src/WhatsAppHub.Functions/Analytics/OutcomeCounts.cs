namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// What happened to a set of outbound messages: how many were sent, delivered, read and replied to, and how many failed
/// (with the failures by Meta's error code, or the hub's error type where Meta gave none). The funnel is monotone: a
/// message read without a delivered status counts as delivered too, <c>played</c> counts as read.
/// </summary>
public sealed record OutcomeTally(long Sent, long Delivered, long Read, long Replied, long Failed, IReadOnlyDictionary<string, long> FailedByCode)
{
    public static OutcomeTally Zero { get; } = new(0, 0, 0, 0, 0, new Dictionary<string, long>());

    public OutcomeTally Plus(OutcomeTally other)
    {
        var codes = new SortedDictionary<string, long>(FailedByCode.ToDictionary(), StringComparer.Ordinal);
        foreach (var (code, count) in other.FailedByCode) codes[code] = codes.GetValueOrDefault(code) + count;
        return new OutcomeTally(Sent + other.Sent, Delivered + other.Delivered, Read + other.Read, Replied + other.Replied,
            Failed + other.Failed, codes);
    }
}

/// <summary>The counts of the messages sent (or, for those that never went out, accepted) on one UTC day.</summary>
public sealed record OutcomeDay(DateOnly Date, OutcomeTally Counts);

/// <summary>
/// Counts of a scope over a range of days: <see cref="Days"/> holds only the days with counts, oldest first;
/// <see cref="Total"/> is their sum.
/// </summary>
public sealed record OutcomeCounts(IReadOnlyList<OutcomeDay> Days, OutcomeTally Total)
{
    /// <summary>The counts of <paramref name="date"/>, zero when nothing was counted that day.</summary>
    public OutcomeTally On(DateOnly date) => Days.FirstOrDefault(d => d.Date == date)?.Counts ?? OutcomeTally.Zero;
}

/// <summary>An ad's Click-to-WhatsApp funnel over a range of days: clicks reported, conversations, replies, conversions.</summary>
public sealed record CtwaTally(long Clicks, long Conversations, long Replies, long Conversions)
{
    public static CtwaTally Zero { get; } = new(0, 0, 0, 0);

    public CtwaTally Plus(CtwaTally other) =>
        new(Clicks + other.Clicks, Conversations + other.Conversations, Replies + other.Replies, Conversions + other.Conversions);
}
