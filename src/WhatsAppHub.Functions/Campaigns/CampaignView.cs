using WhatsAppHub.Functions.Analytics;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>A campaign as the API shows it. <see cref="Progress"/> is the share of the audience handled (0 to 1).</summary>
public sealed record CampaignView(
    string Id,
    string? Name,
    string Status,
    string? StatusReason,
    CampaignTemplateView Template,
    string PhoneNumberId,
    string Source,
    DateTimeOffset? StartAt,
    int RatePerSecond,
    CampaignCountsView Counts,
    double Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <param name="outcomes">What became of the queued messages (the outcome counters); null leaves those counts out (listings).</param>
    public static CampaignView From(Campaign c, OutcomeTally? outcomes) => new(
        c.Id, c.Name, c.Status, c.StatusReason,
        new CampaignTemplateView(c.TemplateName, c.TemplateLanguage, c.TemplateCategory),
        c.PhoneNumberId, c.Source, c.StartAt, c.RatePerSecond,
        new CampaignCountsView(c.Total, c.Total - c.Cursor, c.Queued, outcomes?.Sent, outcomes?.Delivered, outcomes?.Read, outcomes?.Failed,
            c.SkippedSuppressed, c.SkippedInvalid + c.Refused, outcomes?.FailedByCode),
        c.Total == 0 ? 1 : Math.Round((double)c.Cursor / c.Total, 4),
        c.CreatedAt, c.UpdatedAt, c.StartedAt, c.EndedAt);
}

public sealed record CampaignTemplateView(string Name, string Language, string? Category);

/// <summary>
/// A campaign's counts. <c>pending</c> recipients are not handled yet; <c>queued</c> ones were handed to the send path,
/// and <c>sent</c> / <c>delivered</c> / <c>read</c> / <c>failed</c> follow them through their status webhooks (each
/// message counted once per step; a message read without a delivered status counts as delivered too).
/// <c>skippedOther</c>: duplicates, values an edited template no longer takes, and sends the send path refused.
/// </summary>
public sealed record CampaignCountsView(
    int Total,
    int Pending,
    int Queued,
    long? Sent,
    long? Delivered,
    long? Read,
    long? Failed,
    int SkippedSuppressed,
    int SkippedOther,
    IReadOnlyDictionary<string, long>? FailedByCode);

/// <summary>The answer of <c>GET /api/campaigns</c>.</summary>
public sealed record CampaignListView(IReadOnlyList<CampaignView> Items, string? Continuation);

/// <summary>One recipient as <c>GET /api/campaigns/{id}/recipients</c> shows it.</summary>
public sealed record CampaignRecipientView(int Index, string To, string State, string? MessageId, string? Reason, string? ProblemType)
{
    public static CampaignRecipientView From(CampaignRecipient r) => new(r.Index, r.To, r.State, r.MessageId, r.Reason, r.ProblemType);
}

/// <summary>The answer of <c>GET /api/campaigns/{id}/recipients</c>: <c>continuation</c> is the index to go on from.</summary>
public sealed record CampaignRecipientListView(IReadOnlyList<CampaignRecipientView> Items, string? Continuation);
