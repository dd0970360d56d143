using System.Collections.Concurrent;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Sends whose call went out but whose outcome was never recorded (EUM did not answer, or the worker stopped mid-call).
/// EUM's SendWhatsAppMessage has no idempotency token, so another attempt could deliver the message twice; the hub never
/// makes one. The row waits <see cref="Window"/> for a status webhook carrying its <c>biz_opaque_callback_data</c> (the
/// inbound handler, <c>Inbound/StatusWebhookHandler</c>, moves the row to <c>sent</c>, and the worker then sees a final row); if none comes it ends failed with
/// <see cref="EumProblem.OutcomeUnknown"/>, marked retryable so the caller, who can check with the contact, decides
/// whether to send again.
/// </summary>
public sealed class UnansweredSends(MessageStore store, SendCompletions completions, OutcomeCounter outcomes, HubOptions options, TimeProvider clock, ILogger<UnansweredSends> logger)
{
    /// <summary>
    /// How long a send without an answer waits for a status webhook to tell whether it went out. Never shorter than one
    /// EUM call, so a duplicate queue message cannot settle a row whose call another worker still has in flight.
    /// </summary>
    public TimeSpan Window =>
        options.Outbound.ReconcileWindow > options.Eum.Timeout ? options.Outbound.ReconcileWindow : options.Eum.Timeout + TimeSpan.FromSeconds(1);

    /// <summary>
    /// Settles a message found in <c>sending</c> with <c>attemptStartedAt</c> set: after <see cref="Window"/> it fails
    /// as outcome unknown; before, it is put off (into <paramref name="later"/>) until the window ends.
    /// </summary>
    public async Task ReconcileAsync(MessageRecord message, string etag, ConcurrentDictionary<string, TimeSpan> later, CancellationToken cancellationToken)
    {
        var waited = clock.GetUtcNow() - (message.AttemptStartedAt ?? message.UpdatedAt);
        if (waited < Window)
        {
            later[message.Id] = Window - waited;
            return;
        }
        // An error from an earlier, answered attempt says nothing about this one; only the unanswered call's own does.
        var cause = message.Error is { Type: EumProblem.Unreachable } error ? $" {error.Detail}" : " The worker stopped during the call.";
        var unknown = message with
        {
            Status = MessageStatus.Failed,
            UpdatedAt = clock.GetUtcNow(),
            Error = new MessageError(EumProblem.OutcomeUnknown, null, "It is not known whether the message was sent.",
                $"Attempt {message.Attempts} reached EUM but no answer came, and no status webhook followed within {Window.TotalSeconds:0} s; " +
                "the hub did not send it again, to avoid a duplicate." + cause, true),
        };
        try
        {
            await store.UpdateAsync(unknown, etag, cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            later[message.Id] = SendWorker.Recheck; // the row moved on (a status webhook settled it, or another worker): look at its state again
            return;
        }
        logger.LogWarning("Message {MessageId} to {To} failed: outcome unknown after attempt {Attempt}",
            message.Id, Redact.PhoneNumber(message.To), message.Attempts);
        outcomes.Count(message.Status, unknown);
        completions.Complete(unknown);
    }

}
