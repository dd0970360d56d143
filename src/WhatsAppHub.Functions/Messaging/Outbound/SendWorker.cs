using System.Collections.Concurrent;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Handles <c>outbound</c> queue messages, each naming one message or a batch of them; the messages dequeued together
/// are one unit of work. The MESSAGE rows decide what happens to each message, and every attempt is written to its row
/// (<c>sending</c>, attempt count, <c>attemptStartedAt</c>) before EUM is called, so a crash or a lost answer is seen on
/// redelivery. The rows are read with one query per partition, the attempts recorded in one transaction per partition
/// (row by row when one row changed meanwhile), EUM is called concurrently, and the outcomes are written in
/// transactions again. Messages that must wait (a retry's back-off, pacing, reconciliation, a row not written yet) go
/// back on the queue grouped by their delay (<see cref="WorkRequeue"/>); each original queue message is let go of last;
/// unanswered sends are settled by <see cref="UnansweredSends"/>, never sent again. A single message,
/// including the <c>{"id"}</c> form of earlier versions, takes exactly the same path.
/// </summary>
public sealed class SendWorker(
    MessageStore store,
    ISocialMessaging eum,
    SendGovernor governor,
    RecipientPacing pacing,
    UnansweredSends unanswered,
    SendCompletions completions,
    AcceptedRows accepted,
    OutcomeCounter outcomes,
    QueueService queues,
    HubOptions options,
    TimeProvider clock,
    ILogger<SendWorker> logger)
{
    /// <summary>A queue message whose MESSAGE row is still missing after this long belongs to an accept that failed.</summary>
    private static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(2);

    /// <summary>How soon a row that changed under this worker (another worker or a webhook got there) is looked at again.</summary>
    internal static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.OutboundPoison), logger);
    private readonly RetryPolicy _retry = new(options.Outbound.MaxAttempts, options.Outbound.RetryBaseDelay, options.Outbound.RetryMaxDelay);
    private readonly OutboundCallSlots _calls = new(options.Outbound.Concurrency);

    /// <summary>How long a dequeued message stays hidden while its attempts run.</summary>
    public TimeSpan LeaseTime => options.Eum.Timeout + TimeSpan.FromSeconds(30);

    /// <summary>
    /// Handles queue messages dequeued together as one unit, so their rows are read and written in as few transactions
    /// as possible; each queue message is then finished (deleted, or kept for what must wait) on its own.
    /// </summary>
    public async Task HandleAsync(IWorkQueue queue, IReadOnlyList<QueueMessage> dequeued, CancellationToken cancellationToken)
    {
        var works = new List<(QueueMessage Queued, OutboundWork Work)>();
        foreach (var queued in dequeued)
        {
            var work = OutboundWork.TryParse(queued.Text);
            if (work is null)
            {
                await _poison.MoveAsync(queue, queued, "The queue message is not {\"ids\": […]} or {\"id\": …}.", cancellationToken);
                continue;
            }
            if (queued.DequeueCount > options.Outbound.MaxAttempts + 50)
            {
                // Far more deliveries than attempts: something keeps failing before an outcome is recorded.
                foreach (var id in work.MessageIds)
                    await FailAsync(id, new MessageError("Poison", null, "The message could not be processed.",
                        $"Delivered {queued.DequeueCount} times without an outcome.", false), cancellationToken);
                await _poison.MoveAsync(queue, queued, $"Dequeued {queued.DequeueCount} times.", cancellationToken);
                continue;
            }
            works.Add((queued, work));
        }
        if (works.Count == 0) return;

        // An id named by several of these queue messages (a duplicate) is handled once, on behalf of the first of them;
        // the others let go of it. Should the first not be finished, it reappears after its lease and still names the id.
        var owners = new Dictionary<string, QueueMessage>(StringComparer.Ordinal);
        foreach (var (queued, work) in works)
            foreach (var id in work.MessageIds)
                owners.TryAdd(id, queued);

        // Rows this instance accepted come from memory (AcceptedRows), the rest are read.
        var rows = new Dictionary<string, (MessageRecord Message, string ETag)>(StringComparer.Ordinal);
        foreach (var id in owners.Keys)
            if (accepted.TryTake(id, out var copy)) rows[id] = copy;
        if (rows.Count < owners.Count)
            foreach (var (id, row) in await store.FindAllAsync(owners.Keys.Where(id => !rows.ContainsKey(id)).ToList(), cancellationToken))
                rows[id] = row;
        var later = new ConcurrentDictionary<string, TimeSpan>(StringComparer.Ordinal);
        var unwritten = new HashSet<string>(StringComparer.Ordinal);
        var attempts = new List<(MessageRecord Message, string ETag)>();
        var reconciles = new List<Task>();
        foreach (var (id, owner) in owners)
        {
            if (!rows.TryGetValue(id, out var current))
            {
                if (clock.GetUtcNow() - owner.InsertedOn > OrphanAfter)
                    logger.LogWarning("Dropping queue work for {MessageId}: its accept never stored the message", id);
                else
                    unwritten.Add(id); // the accept is still writing the row
                continue;
            }
            var (message, etag) = current;
            if (message.IsFinal)
            {
                completions.Complete(message);
                continue;
            }
            if (message is { Status: MessageStatus.Sending, AttemptStartedAt: not null })
            {
                reconciles.Add(unanswered.ReconcileAsync(message, etag, later, cancellationToken));
                continue;
            }
            var paced = pacing.WaitFor(message.PhoneNumberId, message.To);
            if (paced > TimeSpan.Zero)
            {
                later[id] = paced + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000));
                continue;
            }
            attempts.Add(current);
        }

        await Task.WhenAll(reconciles.Concat(attempts.GroupBy(a => PhoneNumberId.Normalize(a.Message.PhoneNumberId))
            .Select(g => AttemptAllAsync(g.Key, g.ToList(), later, cancellationToken))));
        await Task.WhenAll(works.Select(w => WorkRequeue.FinishAsync(queue, w.Queued, w.Work,
            w.Work.MessageIds.Where(id => ReferenceEquals(owners[id], w.Queued)).ToList(), unwritten, later, cancellationToken)));
    }

    /// <summary>Attempts messages of one sending number, as many at a time as the governor and the call slots allow.</summary>
    private async Task AttemptAllAsync(string number, List<(MessageRecord Message, string ETag)> rows, ConcurrentDictionary<string, TimeSpan> later, CancellationToken cancellationToken)
    {
        var chunks = new List<Task>();
        var next = 0;
        while (next < rows.Count)
        {
            var slots = await _calls.AcquireUpToAsync(rows.Count - next, cancellationToken);
            int granted;
            try
            {
                granted = await governor.AcquireUpToAsync(number, slots, cancellationToken);
            }
            catch
            {
                _calls.Release(slots);
                throw;
            }
            _calls.Release(slots - granted);
            chunks.Add(AttemptChunkAsync(rows.GetRange(next, granted), later, cancellationToken));
            next += granted;
        }
        await Task.WhenAll(chunks);
    }

    /// <summary>Records the attempts (one transaction), calls EUM for each concurrently, and records the outcomes. Holds one call slot per row.</summary>
    private async Task AttemptChunkAsync(List<(MessageRecord Message, string ETag)> chunk, ConcurrentDictionary<string, TimeSpan> later, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var attempts = chunk.Select(c => (Message: c.Message with
        {
            Status = MessageStatus.Sending,
            Attempts = c.Message.Attempts + 1,
            AttemptStartedAt = now,
            UpdatedAt = now,
        }, c.ETag)).ToList();
        IReadOnlyList<string?> etags;
        try
        {
            etags = await store.TryUpdateAllAsync(attempts, cancellationToken);
        }
        catch
        {
            _calls.Release(chunk.Count);
            throw;
        }

        var calls = new List<Task<SendResult>>();
        for (var i = 0; i < attempts.Count; i++)
        {
            if (etags[i] is { } etag)
            {
                calls.Add(CallAsync(attempts[i].Message, etag, cancellationToken));
            }
            else
            {
                _calls.Release(1);
                later[attempts[i].Message.Id] = Recheck; // another worker has this message (a duplicate queue message); its outcome decides
            }
        }
        await RecordOutcomesAsync(await Task.WhenAll(calls), later, cancellationToken);
    }

    private async Task<SendResult> CallAsync(MessageRecord attempt, string etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await eum.SendWhatsAppMessageAsync(new SendWhatsAppMessageRequest
            {
                OriginationPhoneNumberId = attempt.PhoneNumberId,
                Message = System.Text.Encoding.UTF8.GetBytes(attempt.CloudApiJson),
                MetaApiVersion = options.Eum.MetaApiVersion,
            }, cancellationToken);
            return new SendResult(attempt, etag, response.MessageId, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(attempt, etag, null, SendFailure.Classify(e));
        }
        finally
        {
            _calls.Release(1);
        }
    }

    private async Task RecordOutcomesAsync(IReadOnlyList<SendResult> results, ConcurrentDictionary<string, TimeSpan> later, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = new List<(MessageRecord Sent, string ETag)>();
        var updates = new List<(MessageRecord Message, string ETag, TimeSpan? Delay)>();
        foreach (var (attempt, etag, wamid, failure) in results)
        {
            if (failure is null)
            {
                sent.Add((attempt with { Status = MessageStatus.Sent, Wamid = wamid, SentAt = now, UpdatedAt = now, Error = null }, etag));
                continue;
            }
            if (failure.BlocksRecipient) pacing.Block(attempt.PhoneNumberId, attempt.To, failure.MinimumDelay);
            switch (failure.Kind)
            {
                case SendFailureKind.Ambiguous:
                    // Keep 'sending': the attempt is on record, and a status webhook may still name the wamid.
                    logger.LogWarning("No answer from EUM for message {MessageId} (attempt {Attempt}); reconciling before any new attempt",
                        attempt.Id, attempt.Attempts);
                    updates.Add((attempt with { Error = failure.Error, UpdatedAt = now }, etag, unanswered.Window));
                    break;

                case SendFailureKind.Retryable when _retry.CanRetry(attempt.Attempts):
                    var delay = _retry.NextDelay(attempt.Attempts, Random.Shared, failure.MinimumDelay);
                    // The status stays 'sending' (it only moves forward); no attempt is in flight while it waits for the next.
                    logger.LogInformation("Message {MessageId} attempt {Attempt} failed ({ErrorType}); retrying in {Delay}",
                        attempt.Id, attempt.Attempts, failure.Error.Type, delay);
                    updates.Add((attempt with { AttemptStartedAt = null, Error = failure.Error, UpdatedAt = now }, etag, delay));
                    break;

                default:
                    logger.LogWarning("Message {MessageId} to {To} failed after {Attempts} attempt(s): {ErrorType} {Detail}",
                        attempt.Id, Redact.PhoneNumber(attempt.To), attempt.Attempts, failure.Error.Type, failure.Error.Detail);
                    updates.Add((attempt with { Status = MessageStatus.Failed, Error = failure.Error, UpdatedAt = now }, etag, null));
                    break;
            }
        }

        // Counted only where this worker moved the row (a status webhook that got there first counted it itself).
        foreach (var moved in await store.RecordAllSentAsync(sent, cancellationToken)) outcomes.Count(MessageStatus.Sending, moved);
        foreach (var (message, _) in sent)
        {
            logger.LogInformation("Sent message {MessageId} ({Type}) to {To} as {Wamid}", message.Id, message.Type, Redact.PhoneNumber(message.To), message.Wamid);
            completions.Complete(message);
        }

        if (updates.Count == 0) return;
        var etags = await store.TryUpdateAllAsync(updates.Select(u => (u.Message, u.ETag)).ToList(), cancellationToken);
        for (var i = 0; i < updates.Count; i++)
        {
            var (message, _, delay) = updates[i];
            if (etags[i] is null) later[message.Id] = Recheck; // the row moved on meanwhile: look at it again
            else if (delay is { } wait) later[message.Id] = wait;
            else
            {
                outcomes.Count(MessageStatus.Sending, message);
                completions.Complete(message);
            }
        }
    }

    private async Task FailAsync(string messageId, MessageError error, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(messageId, cancellationToken) is not { } found || found.Message.IsFinal) return;
        var failed = found.Message with { Status = MessageStatus.Failed, Error = error, UpdatedAt = clock.GetUtcNow() };
        await store.UpdateAsync(failed, found.ETag, cancellationToken);
        outcomes.Count(found.Message.Status, failed);
        completions.Complete(failed);
    }

    /// <summary>One EUM call's result: the wamid, or why it failed.</summary>
    private sealed record SendResult(MessageRecord Attempt, string ETag, string? Wamid, SendFailure? Failure);
}
