using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Start (a draft), pause, resume and cancel: each a state change of the campaign row under its ETag, re-read and re-decided when the
/// runner moved it meanwhile. The runner reads the row before every chunk, so a pause takes effect within one chunk
/// (about a second of sends); messages already queued still go out. A resume starts a new run (a new run id and queue
/// message), so queue work of the paused run stops when it wakes.
/// </summary>
public sealed class CampaignControl(CampaignStore store, QueueService queues, TimeProvider clock, ILogger<CampaignControl> logger)
{
    private const int MaxAttempts = 5;

    private readonly IWorkQueue _queue = queues.GetQueue(HubQueues.Campaigns);

    public Task<IResult> PauseAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "pause", c => c.Status is CampaignStatuses.Scheduled or CampaignStatuses.Running,
            (c, now) => c with { Status = CampaignStatuses.Paused, StatusReason = "paused through the API", UpdatedAt = now }, cancellationToken);

    public Task<IResult> CancelAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "cancel", c => !CampaignStatuses.HasEnded(c.Status),
            (c, now) => c with { Status = CampaignStatuses.Cancelled, StatusReason = "cancelled through the API", UpdatedAt = now, EndedAt = now }, cancellationToken);

    /// <summary>A draft starts (or waits for its <c>startAt</c>) the way a created campaign would.</summary>
    public Task<IResult> StartAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "start", c => c.Status == CampaignStatuses.Draft, NewRun, cancellationToken, startRun: true);

    public Task<IResult> ResumeAsync(string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "resume", c => c.Status == CampaignStatuses.Paused, NewRun, cancellationToken, startRun: true);

    private static Campaign NewRun(Campaign c, DateTimeOffset now)
    {
        var scheduled = c.StartAt > now;
        return c with
        {
            Status = scheduled ? CampaignStatuses.Scheduled : CampaignStatuses.Running,
            StatusReason = null,
            RunId = Guid.NewGuid().ToString("N"),
            NextChunkAt = c.Status == CampaignStatuses.Draft ? c.StartAt ?? now : c.NextChunkAt,
            UpdatedAt = now,
        };
    }

    private async Task<IResult> ChangeAsync(string id, string action, Func<Campaign, bool> allowed, Func<Campaign, DateTimeOffset, Campaign> change,
        CancellationToken cancellationToken, bool startRun = false)
    {
        if (CampaignEndpoints.CheckId(id) is { } bad) return bad;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetAsync(id, cancellationToken) is not var (campaign, etag)) return CampaignEndpoints.NotFound(id);
            if (!allowed(campaign))
                return HubProblems.Conflict("campaign-state", $"A {campaign.Status} campaign cannot {action}.",
                    $"Campaign {id} is {campaign.Status}{(campaign.StatusReason is null ? "" : $" ({campaign.StatusReason})")}; " + action switch
                    {
                        "pause" => "only a scheduled or running campaign can be paused.",
                        "resume" => "only a paused campaign can be resumed.",
                        "start" => "only a draft can be started (a paused one is resumed).",
                        _ => "it has ended already.",
                    });
            var now = clock.GetUtcNow();
            var changed = change(campaign, now);
            // The new run's work goes first: a row that says running with no work behind it would never finish, while
            // work whose row change failed carries a run id nobody has, and is dropped.
            if (startRun)
                await _queue.PutAsync(CampaignWork.ToText(id, changed.RunId), visibilityDelay: CampaignRunner.QueueDelay(changed.StartAt - now),
                    timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
            if (await store.TryUpdateAsync(changed, etag, cancellationToken) is null) continue; // the runner moved it: decide again
            logger.LogInformation("Campaign {CampaignId}: {Action} ({From} → {To})", id, action, campaign.Status, changed.Status);
            return Results.Ok(CampaignView.From(changed, outcomes: null));
        }
        return HubProblems.Conflict("campaign-busy", "The campaign kept changing.", $"Campaign {id} changed {MaxAttempts} times while it was read; try again.");
    }
}
