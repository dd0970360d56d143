using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Handles one <c>outbound</c> queue message: the MESSAGE row decides what happens, and every attempt is written to
/// the row (<c>sending</c>, attempt count) before EUM is called, so a crash or a lost answer is seen on redelivery.
/// Retries reuse the same queue message, hidden for the back-off delay.
/// </summary>
public sealed class SendWorker(
    MessageStore store,
    ISocialMessaging eum,
    SendGovernor governor,
    RecipientPacing pacing,
    SendCompletions completions,
    QueueService queues,
    HubOptions options,
    TimeProvider clock,
    ILogger<SendWorker> logger)
{
    /// <summary>A queue message whose MESSAGE row is still missing after this long belongs to an accept that failed.</summary>
    private static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(2);

    private readonly IWorkQueue _poison = queues.GetQueue(HubQueues.OutboundPoison);
    private readonly RetryPolicy _retry = new(options.Outbound.MaxAttempts, options.Outbound.RetryBaseDelay, options.Outbound.RetryMaxDelay);

    /// <summary>
    /// How long a send without an answer waits for a status webhook to tell whether it went out. Never shorter than one
    /// EUM call, so a duplicate queue message cannot settle a row whose call another worker still has in flight.
    /// </summary>
    private TimeSpan ReconcileWindow =>
        options.Outbound.ReconcileWindow > options.Eum.Timeout ? options.Outbound.ReconcileWindow : options.Eum.Timeout + TimeSpan.FromSeconds(1);

    /// <summary>How long a dequeued message stays hidden while one attempt runs.</summary>
    public TimeSpan LeaseTime => options.Eum.Timeout + TimeSpan.FromSeconds(30);

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        var work = OutboundWork.TryParse(queued.Text);
        if (work is null)
        {
            await PoisonAsync(queue, queued, "The queue message is not {\"id\": …}.", cancellationToken);
            return;
        }
        if (queued.DequeueCount > options.Outbound.MaxAttempts + 50)
        {
            // Far more deliveries than attempts: something keeps failing before an outcome is recorded.
            await FailAsync(work.MessageId, new MessageError("Poison", null, "The message could not be processed.",
                $"Delivered {queued.DequeueCount} times without an outcome.", false), cancellationToken);
            await PoisonAsync(queue, queued, $"Dequeued {queued.DequeueCount} times.", cancellationToken);
            return;
        }

        var found = await store.FindAsync(work.MessageId, cancellationToken);
        if (found is not { } current)
        {
            if (clock.GetUtcNow() - queued.InsertedOn > OrphanAfter)
            {
                logger.LogWarning("Dropping queue message for {MessageId}: its accept never stored the message", work.MessageId);
                await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            }
            else
            {
                await HideAsync(queue, queued, TimeSpan.FromSeconds(1), cancellationToken); // the accept is still writing the row
            }
            return;
        }

        var (message, etag) = current;
        if (message.IsFinal)
        {
            completions.Complete(message);
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            return;
        }
        if (message is { Status: MessageStatus.Sending, AttemptStartedAt: not null })
        {
            await ReconcileAsync(queue, queued, message, etag, cancellationToken);
            return;
        }

        var paced = pacing.WaitFor(message.PhoneNumberId, message.To);
        if (paced > TimeSpan.Zero)
        {
            await HideAsync(queue, queued, paced + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000)), cancellationToken);
            return;
        }

        await governor.AcquireAsync(message.PhoneNumberId, cancellationToken);
        var attempt = message with
        {
            Status = MessageStatus.Sending,
            Attempts = message.Attempts + 1,
            AttemptStartedAt = clock.GetUtcNow(),
            UpdatedAt = clock.GetUtcNow(),
        };
        try
        {
            etag = await store.UpdateAsync(attempt, etag, cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            return; // another worker has this message (a duplicate queue message); its outcome decides
        }

        await SendAsync(queue, queued, attempt, etag, cancellationToken);
    }

    private async Task SendAsync(IWorkQueue queue, QueueMessage queued, MessageRecord attempt, string etag, CancellationToken cancellationToken)
    {
        SendWhatsAppMessageResponse response;
        try
        {
            response = await eum.SendWhatsAppMessageAsync(new SendWhatsAppMessageRequest
            {
                OriginationPhoneNumberId = attempt.PhoneNumberId,
                Message = System.Text.Encoding.UTF8.GetBytes(attempt.CloudApiJson),
                MetaApiVersion = options.Eum.MetaApiVersion,
            }, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            await OnFailureAsync(queue, queued, attempt, etag, SendFailure.Classify(e), cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var sent = attempt with { Status = MessageStatus.Sent, Wamid = response.MessageId, SentAt = now, UpdatedAt = now, Error = null };
        await store.RecordSentAsync(sent, etag, cancellationToken);
        logger.LogInformation("Sent message {MessageId} ({Type}) to {To} as {Wamid}", sent.Id, sent.Type, Redact.PhoneNumber(sent.To), sent.Wamid);
        completions.Complete(sent);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
    }

    private async Task OnFailureAsync(IWorkQueue queue, QueueMessage queued, MessageRecord attempt, string etag, SendFailure failure, CancellationToken cancellationToken)
    {
        if (failure.BlocksRecipient) pacing.Block(attempt.PhoneNumberId, attempt.To, failure.MinimumDelay);
        var now = clock.GetUtcNow();
        switch (failure.Kind)
        {
            case SendFailureKind.Ambiguous:
                // Keep 'sending': the attempt is on record, and a status webhook may still name the wamid.
                logger.LogWarning("No answer from EUM for message {MessageId} (attempt {Attempt}); reconciling before any new attempt",
                    attempt.Id, attempt.Attempts);
                await store.UpdateAsync(attempt with { Error = failure.Error, UpdatedAt = now }, etag, cancellationToken);
                await HideAsync(queue, queued, ReconcileWindow, cancellationToken);
                return;

            case SendFailureKind.Retryable when _retry.CanRetry(attempt.Attempts):
                var delay = _retry.NextDelay(attempt.Attempts, Random.Shared, failure.MinimumDelay);
                // The status stays 'sending' (it only moves forward); no attempt is in flight while it waits for the next.
                await store.UpdateAsync(attempt with { AttemptStartedAt = null, Error = failure.Error, UpdatedAt = now }, etag, cancellationToken);
                logger.LogInformation("Message {MessageId} attempt {Attempt} failed ({ErrorType}); retrying in {Delay}",
                    attempt.Id, attempt.Attempts, failure.Error.Type, delay);
                await HideAsync(queue, queued, delay, cancellationToken);
                return;

            default:
                var failed = attempt with { Status = MessageStatus.Failed, Error = failure.Error, UpdatedAt = now };
                await store.UpdateAsync(failed, etag, cancellationToken);
                logger.LogWarning("Message {MessageId} to {To} failed after {Attempts} attempt(s): {ErrorType} {Detail}",
                    attempt.Id, Redact.PhoneNumber(attempt.To), attempt.Attempts, failure.Error.Type, failure.Error.Detail);
                completions.Complete(failed);
                await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
                return;
        }
    }

    /// <summary>
    /// A message found in <c>sending</c>: an attempt went out and its outcome was never recorded (EUM did not answer, or
    /// the worker stopped mid-call). EUM's SendWhatsAppMessage has no idempotency token, so another attempt could deliver
    /// the message twice; the hub never makes one. The row waits <see cref="ReconcileWindow"/> for a status webhook
    /// carrying its <c>biz_opaque_callback_data</c> (the inbound path moves the row to <c>sent</c>, and the final row is
    /// then seen above); if none comes it ends failed with <see cref="EumProblem.OutcomeUnknown"/>, marked retryable so
    /// the caller, who can check with the contact, decides whether to send again.
    /// </summary>
    private async Task ReconcileAsync(IWorkQueue queue, QueueMessage queued, MessageRecord message, string etag, CancellationToken cancellationToken)
    {
        var waited = clock.GetUtcNow() - (message.AttemptStartedAt ?? message.UpdatedAt);
        if (waited < ReconcileWindow)
        {
            await HideAsync(queue, queued, ReconcileWindow - waited, cancellationToken);
            return;
        }
        // An error from an earlier, answered attempt says nothing about this one; only the unanswered call's own does.
        var cause = message.Error is { Type: EumProblem.Unreachable } error ? $" {error.Detail}" : " The worker stopped during the call.";
        var unknown = message with
        {
            Status = MessageStatus.Failed,
            UpdatedAt = clock.GetUtcNow(),
            Error = new MessageError(EumProblem.OutcomeUnknown, null, "It is not known whether the message was sent.",
                $"Attempt {message.Attempts} reached EUM but no answer came, and no status webhook followed within {ReconcileWindow.TotalSeconds:0} s; " +
                "the hub did not send it again, to avoid a duplicate." + cause, true),
        };
        try
        {
            await store.UpdateAsync(unknown, etag, cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            return; // the row moved on (a status webhook settled it, or another worker): the next delivery sees its state
        }
        logger.LogWarning("Message {MessageId} to {To} failed: outcome unknown after attempt {Attempt}",
            message.Id, Redact.PhoneNumber(message.To), message.Attempts);
        completions.Complete(unknown);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
    }

    private async Task FailAsync(string messageId, MessageError error, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(messageId, cancellationToken) is not { } found || found.Message.IsFinal) return;
        var failed = found.Message with { Status = MessageStatus.Failed, Error = error, UpdatedAt = clock.GetUtcNow() };
        await store.UpdateAsync(failed, found.ETag, cancellationToken);
        completions.Complete(failed);
    }

    private async Task HideAsync(IWorkQueue queue, QueueMessage queued, TimeSpan delay, CancellationToken cancellationToken)
    {
        var bounded = delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > TimeSpan.FromDays(6) ? TimeSpan.FromDays(6) : delay;
        await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, bounded, cancellationToken);
    }

    private async Task PoisonAsync(IWorkQueue queue, QueueMessage queued, string reason, CancellationToken cancellationToken)
    {
        var text = new JsonObject { ["reason"] = reason, ["queue"] = queue.Name, ["text"] = queued.Text[..Math.Min(queued.Text.Length, 30_000)] };
        await _poison.PutAsync(text.ToJsonString(), timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
        logger.LogError("Moved queue message {QueueMessageId} to {Poison}: {Reason}", queued.MessageId, HubQueues.OutboundPoison, reason);
    }
}
