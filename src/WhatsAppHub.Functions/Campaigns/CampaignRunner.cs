using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Suppressions;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Handles a <c>campaigns</c> queue message: runs the campaign chunk by chunk, each chunk at most a second's worth of
/// recipients (its rate, up to <see cref="MaxChunk"/>, never across a block of rows). Before every chunk it reads the
/// campaign row (a pause, cancel or newer run stops it) and the template (one that is no longer sendable pauses the
/// campaign). A chunk skips suppressed recipients, binds the others to the template and hands them to the send path
/// with the deterministic key <c>campaign:{id}:{index}</c>, records each recipient's state, then moves the cursor and
/// the counts in one ETag-guarded write and sets when the next chunk may start. A chunk done twice (redelivery, a
/// duplicate message, two instances) sends nobody twice and is counted once. Waits under
/// <see cref="LongestInProcessWait"/> are slept here; longer ones (a start time) hide the message. After
/// <see cref="WorkBudget"/> the work goes back on the queue as a new message, for any instance to take on.
/// </summary>
public sealed class CampaignRunner(
    CampaignStore store,
    TemplateMessages templates,
    SuppressionStore suppressions,
    AcceptMessageHandler accept,
    QueueService queues,
    TimeProvider clock,
    ILogger<CampaignRunner> logger)
{
    /// <summary>One transaction of recipient rows, and the most a second of sends at Meta's highest tier needs ten of.</summary>
    public const int MaxChunk = 100;

    /// <summary>Dequeues without finishing (a crash each time) before a message is set aside with its reason.</summary>
    public const int MaxDequeues = 20;

    /// <summary>The work budget, a chunk's worst case and a margin.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan WorkBudget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan LongestInProcessWait = TimeSpan.FromSeconds(2);

    /// <summary>How long a message may name a campaign whose row is not there yet (its create is still writing it).</summary>
    private static readonly TimeSpan OrphanGrace = TimeSpan.FromMinutes(2);

    private const int MaxAttempts = 10;

    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.CampaignsPoison), logger);

    /// <summary>A queue delay for <paramref name="wait"/>: none when it is past, at most six days (the queue's limit is seven).</summary>
    public static TimeSpan QueueDelay(TimeSpan? wait) =>
        wait is { } w && w > TimeSpan.Zero ? TimeSpan.FromTicks(Math.Min(w.Ticks, TimeSpan.FromDays(6).Ticks)) : TimeSpan.Zero;

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        if (CampaignWork.TryParse(queued.Text) is not var (id, runId))
        {
            await _poison.MoveAsync(queue, queued, "The queue message is not {\"campaignId\": …, \"runId\": …}.", cancellationToken);
            return;
        }
        if (queued.DequeueCount > MaxDequeues)
        {
            await _poison.MoveAsync(queue, queued, $"Campaign {id} was dequeued {queued.DequeueCount} times without finishing a round; see the hub's logs for why.", cancellationToken);
            return;
        }

        var began = clock.GetUtcNow();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = await store.GetAsync(id, cancellationToken);
            var now = clock.GetUtcNow();
            if (found is not var (campaign, etag))
            {
                if (now - queued.InsertedOn < OrphanGrace)
                    await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, TimeSpan.FromSeconds(5), cancellationToken);
                else
                    await _poison.MoveAsync(queue, queued, $"Campaign {id} was never stored (its create failed after queueing it).", cancellationToken);
                return;
            }
            if (campaign.RunId != runId || campaign.Status is CampaignStatuses.Paused or CampaignStatuses.Draft || CampaignStatuses.HasEnded(campaign.Status))
            {
                await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken); // stopped, or work of an earlier run
                return;
            }
            if (campaign.Status == CampaignStatuses.Scheduled)
            {
                if (campaign.StartAt - now > LongestInProcessWait)
                {
                    await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, QueueDelay(campaign.StartAt - now), cancellationToken);
                    return;
                }
                await store.TryUpdateAsync(campaign with { Status = CampaignStatuses.Running, UpdatedAt = now }, etag, cancellationToken);
                continue; // read it again either way
            }

            var wait = (campaign.NextChunkAt ?? now) - now;
            if (wait > LongestInProcessWait)
            {
                await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, QueueDelay(wait), cancellationToken);
                return;
            }
            if (now - began > WorkBudget)
            {
                // A new message rather than a visibility change: its dequeue count starts again, so only crashes count.
                await queue.PutAsync(queued.Text, timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
                await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
                return;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
            if (!await RunChunkAsync(campaign, etag, cancellationToken))
            {
                await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
                return;
            }
        }
    }

    /// <summary>One chunk from the cursor; false when the campaign stopped (paused for its template, or done).</summary>
    private async Task<bool> RunChunkAsync(Campaign campaign, string etag, CancellationToken cancellationToken)
    {
        var start = Later(clock.GetUtcNow(), campaign.NextChunkAt);
        if (campaign.Cursor >= campaign.Total) return await AdvanceAsync(campaign, etag, campaign.Cursor, campaign.Cursor, [], start, cancellationToken);

        var (template, problem) = await templates.FindAsync(campaign.TemplateName, campaign.TemplateLanguage, campaign.PhoneNumberId, cancellationToken);
        if (template is null && ProblemOf(problem).Status is not (StatusCodes.Status404NotFound or StatusCodes.Status409Conflict))
            // The account could not be resolved (EUM unreachable): a passing failure, so the chunk is retried, not the campaign paused.
            throw new InvalidOperationException($"The template of campaign {campaign.Id} could not be read now ({ProblemOf(problem).Detail}).");
        if (template is null || !Core.Templates.TemplateStatus.IsSendable(template.Status))
        {
            var why = template is null
                ? $"template {campaign.TemplateName} ({campaign.TemplateLanguage}) is gone ({ProblemOf(problem).Detail})"
                : $"template {template.Name} ({template.Language}) is {template.Status ?? "of unknown status"}";
            await PauseForTemplateAsync(campaign.Id, why, cancellationToken);
            return false;
        }

        var from = campaign.Cursor;
        var to = Math.Min(Math.Min(campaign.Total, from + Math.Clamp(campaign.RatePerSecond, 1, MaxChunk)), CampaignKeys.BlockEnd(from));
        var rows = await store.RecipientsAsync(campaign.Id, from, to, cancellationToken);
        var pending = rows.Where(r => r.State == RecipientStates.Pending).ToList();
        var suppressed = pending.Count == 0
            ? new HashSet<string>()
            : await suppressions.SuppressedAmongAsync(campaign.PhoneNumberId, pending.Select(r => RecipientRules.ToWaId(r.To)), campaign.SuppressionCategory,
                cancellationToken);
        var handled = await Task.WhenAll(pending.Select(r => HandleRecipientAsync(campaign, template, r, suppressed, cancellationToken)));
        var changed = handled.OfType<CampaignRecipient>().ToList();
        await store.MarkAsync(campaign.Id, changed, cancellationToken);
        if (changed.Count < pending.Count)
        {
            // The send path found the template unsendable between the check above and the accept: the rest wait for a resume.
            await PauseForTemplateAsync(campaign.Id, $"template {template.Name} ({template.Language}) is not sendable", cancellationToken);
            return false;
        }

        var byIndex = changed.ToDictionary(r => r.Index);
        var final = rows.Select(r => byIndex.GetValueOrDefault(r.Index, r)).ToList();
        return await AdvanceAsync(campaign, etag, from, to, final, start, cancellationToken);
    }

    /// <summary>
    /// Moves the cursor from <paramref name="from"/> to <paramref name="to"/> and adds the chunk's counts, unless another
    /// run of the same chunk did it first. The status is kept (a pause that came meanwhile stays) unless this was the last chunk.
    /// </summary>
    private async Task<bool> AdvanceAsync(Campaign campaign, string etag, int from, int to, IReadOnlyList<CampaignRecipient> final, DateTimeOffset start,
        CancellationToken cancellationToken)
    {
        var pace = TimeSpan.FromSeconds((double)(to - from) / Math.Max(1, campaign.RatePerSecond));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (campaign.Cursor != from) return true; // counted by the run that got there first
            var now = clock.GetUtcNow();
            var done = to >= campaign.Total && !CampaignStatuses.HasEnded(campaign.Status);
            var next = campaign with
            {
                Cursor = to,
                Queued = campaign.Queued + final.Count(r => r.State == RecipientStates.Queued),
                SkippedSuppressed = campaign.SkippedSuppressed + final.Count(r => r.State == RecipientStates.SkippedSuppressed),
                SkippedInvalid = campaign.SkippedInvalid + final.Count(r => r.State == RecipientStates.SkippedInvalid),
                Refused = campaign.Refused + final.Count(r => r.State == RecipientStates.Refused),
                NextChunkAt = start + pace,
                StartedAt = campaign.StartedAt ?? start,
                UpdatedAt = now,
                Status = done ? CampaignStatuses.Completed : campaign.Status,
                StatusReason = done ? null : campaign.StatusReason,
                EndedAt = done ? now : campaign.EndedAt,
            };
            if (await store.TryUpdateAsync(next, etag, cancellationToken) is not null)
            {
                if (done)
                    logger.LogInformation("Campaign {CampaignId} completed: {Queued} queued, {Suppressed} suppressed, {Invalid} skipped, {Refused} refused of {Total}",
                        next.Id, next.Queued, next.SkippedSuppressed, next.SkippedInvalid, next.Refused, next.Total);
                return !done;
            }
            if (await store.GetAsync(campaign.Id, cancellationToken) is not var (current, currentEtag)) return false;
            (campaign, etag) = (current, currentEtag);
        }
        throw new InvalidOperationException($"Campaign {campaign.Id} changed {MaxAttempts} times while its cursor moved; the chunk will be retried.");
    }

    /// <returns>The recipient's new state, or null when the send path refused the template itself (the recipient stays pending).</returns>
    private async Task<CampaignRecipient?> HandleRecipientAsync(Campaign campaign, TemplateRecord template, CampaignRecipient recipient,
        IReadOnlySet<string> suppressed, CancellationToken cancellationToken)
    {
        if (suppressed.Contains(RecipientRules.ToWaId(recipient.To))) return recipient with { State = RecipientStates.SkippedSuppressed };

        // Bound again: the template may have been edited since the campaign was created.
        var errors = new ValidationErrors();
        var envelope = new JsonObject { ["to"] = recipient.To, [OutboundMessageReader.SenderMember] = campaign.PhoneNumberId };
        var values = recipient.ValuesJson is null ? default : JsonDocument.Parse(recipient.ValuesJson).RootElement.Clone();
        if (TemplateMessages.Build(template, envelope, values, "values", errors) is not { } message)
            return recipient with
            {
                State = RecipientStates.SkippedInvalid,
                Reason = $"the template no longer takes these values ({errors.All[0].Path}: {errors.All[0].Message})",
            };

        var canonical = new JsonObject { ["to"] = recipient.To, ["values"] = recipient.ValuesJson }.ToJsonString();
        var key = new AcceptKey($"campaign:{campaign.Id}:{recipient.Index}", $"campaigns/{campaign.Id}", Encoding.UTF8.GetBytes(canonical));
        var (record, refused) = await accept.AcceptAsync(message, key, TemplateMessages.Details(template, campaign.Id), cancellationToken);
        if (record is not null) return recipient with { State = RecipientStates.Queued, MessageId = record.Id };
        var problem = ProblemOf(refused);
        if (problem.Type == Problems.HubProblems.TypeUri("template-not-sendable")) return null;
        return recipient with { State = RecipientStates.Refused, ProblemType = problem.Type, Reason = problem.Detail };
    }

    private async Task PauseForTemplateAsync(string id, string why, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetAsync(id, cancellationToken) is not var (campaign, etag) || campaign.Status != CampaignStatuses.Running) return;
            var paused = campaign with { Status = CampaignStatuses.Paused, StatusReason = why + "; resume once it is sendable again", UpdatedAt = clock.GetUtcNow() };
            if (await store.TryUpdateAsync(paused, etag, cancellationToken) is not null)
            {
                logger.LogWarning("Campaign {CampaignId} paused: {Reason}", id, why);
                return;
            }
        }
    }

    private static (string? Type, string? Detail, int? Status) ProblemOf(IResult? result) =>
        result is ProblemHttpResult { ProblemDetails: var details } ? (details.Type, details.Detail, details.Status) : (null, null, null);

    private static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset? next) => next > now ? next.Value : now;
}
