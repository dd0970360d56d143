using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// Counts gathered in memory until they are written, and the arithmetic between them and a counter row. Not thread-safe:
/// <see cref="OutcomeCounter"/> guards it.
/// </summary>
internal sealed class OutcomeDeltas
{
    public long Sent { get; set; }
    public long Delivered { get; set; }
    public long Read { get; set; }
    public long Replied { get; set; }
    public long Failed { get; set; }

    // Steps of an ad's Click-to-WhatsApp funnel (OutcomeScope.Ad), with Replied.
    public long Clicks { get; set; }
    public long Conversations { get; set; }
    public long Conversions { get; set; }

    public Dictionary<string, long> FailedByCode { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Sent == 0 && Delivered == 0 && Read == 0 && Replied == 0 && Failed == 0 && Clicks == 0 && Conversations == 0 && Conversions == 0;

    public void AddFailure(string? code)
    {
        Failed++;
        var key = OutcomeKeys.Code(code);
        FailedByCode[key] = FailedByCode.GetValueOrDefault(key) + 1;
    }

    public void Add(OutcomeDeltas other)
    {
        Sent += other.Sent;
        Delivered += other.Delivered;
        Read += other.Read;
        Replied += other.Replied;
        Failed += other.Failed;
        Clicks += other.Clicks;
        Conversations += other.Conversations;
        Conversions += other.Conversions;
        foreach (var (code, count) in other.FailedByCode) FailedByCode[code] = FailedByCode.GetValueOrDefault(code) + count;
    }

    /// <summary>Adds these counts to a counter row's properties (a new row starts at zero).</summary>
    public void AddTo(TableRow row)
    {
        Increment(row, OutcomeKeys.Sent, Sent);
        Increment(row, OutcomeKeys.Delivered, Delivered);
        Increment(row, OutcomeKeys.Read, Read);
        Increment(row, OutcomeKeys.Replied, Replied);
        Increment(row, OutcomeKeys.Failed, Failed);
        Increment(row, OutcomeKeys.Clicks, Clicks);
        Increment(row, OutcomeKeys.Conversations, Conversations);
        Increment(row, OutcomeKeys.Conversions, Conversions);
        var codes = row.Names.Count(n => n.StartsWith(OutcomeKeys.FailedCodePrefix, StringComparison.Ordinal));
        foreach (var (code, count) in FailedByCode)
        {
            var name = OutcomeKeys.FailedCodePrefix + code;
            // A row holds 252 properties: past the bound a new code is counted as 'other' rather than refused.
            if (!row.Contains(name) && codes >= OutcomeKeys.MaxCodesPerRow) name = OutcomeKeys.FailedCodePrefix + OutcomeKeys.OtherCode;
            else if (!row.Contains(name)) codes++;
            Increment(row, name, count);
        }
    }

    /// <summary>The counts a stored row holds.</summary>
    public static OutcomeDeltas From(TableRow row)
    {
        var deltas = new OutcomeDeltas
        {
            Sent = row.GetInt64(OutcomeKeys.Sent) ?? 0,
            Delivered = row.GetInt64(OutcomeKeys.Delivered) ?? 0,
            Read = row.GetInt64(OutcomeKeys.Read) ?? 0,
            Replied = row.GetInt64(OutcomeKeys.Replied) ?? 0,
            Failed = row.GetInt64(OutcomeKeys.Failed) ?? 0,
            Clicks = row.GetInt64(OutcomeKeys.Clicks) ?? 0,
            Conversations = row.GetInt64(OutcomeKeys.Conversations) ?? 0,
            Conversions = row.GetInt64(OutcomeKeys.Conversions) ?? 0,
        };
        foreach (var name in row.Names.Where(n => n.StartsWith(OutcomeKeys.FailedCodePrefix, StringComparison.Ordinal)))
            deltas.FailedByCode[name[OutcomeKeys.FailedCodePrefix.Length..]] = row.GetInt64(name) ?? 0;
        return deltas;
    }

    public CtwaTally ToCtwaTally() => new(Clicks, Conversations, Replied, Conversions);

    public OutcomeTally ToTally() =>
        new(Sent, Delivered, Read, Replied, Failed, new SortedDictionary<string, long>(FailedByCode, StringComparer.Ordinal));

    private static void Increment(TableRow row, string name, long by)
    {
        if (by == 0) return;
        row.Set(name, (row.GetInt64(name) ?? 0) + by);
    }
}
