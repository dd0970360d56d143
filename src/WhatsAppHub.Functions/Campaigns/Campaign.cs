namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// One campaign: a stored template sent to an audience at a pace. <see cref="Cursor"/> is the index of the first
/// recipient not handled yet; the counters are those of the recipients before it, added in the same ETag-guarded write
/// that moves the cursor, so a chunk handled twice (a redelivered queue message) is counted once.
/// </summary>
/// <param name="RunId">Changes at every resume: queue work of an earlier run recognises itself as stale and stops.</param>
/// <param name="NextChunkAt">When the next chunk may start, so the campaign keeps its rate across chunks and instances.</param>
/// <param name="Refused">Recipients the send path refused at run time, or whose values no longer bind to an edited template.</param>
public sealed record Campaign(
    string Id,
    string? Name,
    string TemplateName,
    string TemplateLanguage,
    string? TemplateCategory,
    string PhoneNumberId,
    string Source,
    DateTimeOffset? StartAt,
    int RatePerSecond,
    string Status,
    string? StatusReason,
    int Total,
    int Cursor,
    int Queued,
    int SkippedSuppressed,
    int SkippedInvalid,
    int Refused,
    string RunId,
    DateTimeOffset? NextChunkAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>The suppression category the template is sent under (lower case, as the suppression list names it).</summary>
    public string SuppressionCategory => (TemplateCategory ?? "MARKETING").ToLowerInvariant();
}

/// <summary>
/// A campaign's states: <c>draft</c> (stored, checked, not started: <c>POST …/start</c>) → <c>scheduled</c> (waiting for <c>startAt</c>) → <c>running</c> → <c>completed</c>;
/// <c>paused</c> (by the caller, or by the hub when the template stopped being sendable) and back; <c>cancelled</c> from any state that has not ended.
/// </summary>
public static class CampaignStatuses
{
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Draft, Scheduled, Running, Paused, Completed, Cancelled];

    public static bool HasEnded(string status) => status is Completed or Cancelled;
}

/// <summary>Where the audience came from.</summary>
public static class CampaignSources
{
    public const string Json = "json";
    public const string Csv = "csv";
}

/// <summary>
/// One recipient of a campaign: its place in the audience, the number, the values bound to the template, and how far it got.
/// </summary>
/// <param name="Reason">Why it was skipped or refused (a duplicate, a value the edited template no longer takes, the send path's problem).</param>
/// <param name="ProblemType">For <c>refused</c>: the problem type the send path answered with.</param>
public sealed record CampaignRecipient(int Index, string To, string? ValuesJson, string State, string? MessageId = null, string? Reason = null,
    string? ProblemType = null);

/// <summary>
/// A recipient's states: <c>pending</c> → <c>queued</c> (a MESSAGE row on the send path), <c>skipped-suppressed</c>
/// (the contact or the business suppressed the template's category), <c>skipped-invalid</c> (a duplicate number, or
/// values the template no longer takes) or <c>refused</c> (the send path refused it).
/// </summary>
public static class RecipientStates
{
    public const string Pending = "pending";
    public const string Queued = "queued";
    public const string SkippedSuppressed = "skipped-suppressed";
    public const string SkippedInvalid = "skipped-invalid";
    public const string Refused = "refused";
}
