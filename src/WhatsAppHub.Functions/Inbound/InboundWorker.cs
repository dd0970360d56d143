using System.Text;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Functions.Events;
using WhatsAppHub.Functions.Media.Downloads;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Subscriptions;
using WhatsAppHub.Functions.Suppressions;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// Handles one <c>inbound</c> queue message, which names up to <see cref="InboundWork.MaxIds"/> stored events: for each,
/// reads the raw SNS Notification, parses it (SNS → EUM event → Meta entry), records its normalized events (the event
/// history, CTWA referrals) and applies it, then marks the row <c>processedAt</c>. Every step is idempotent, so a
/// redelivered or duplicated queue message changes nothing more. An event that cannot be handled is set aside on
/// <c>inbound-poison</c> with its reason; events that failed for a passing reason (storage down) go back on the queue
/// without the ones that succeeded.
/// </summary>
public sealed class InboundWorker(
    InboundEventStore events,
    StatusWebhookHandler statuses,
    InboundMessageHandler messages,
    EventRecorder recorder,
    EventFanout fanout,
    MediaDownloadScheduler mediaDownloads,
    UserPreferenceHandler preferences,
    Templates.TemplateWebhookHandler templates,
    Workflows.Welcome.InboundWorkflowSignals workflowSignals,
    Payments.PaymentSignals paymentSignals,
    QueueService queues,
    TimeProvider clock,
    ILogger<InboundWorker> logger)
{
    /// <summary>Deliveries after which a queue message that keeps failing is set aside.</summary>
    public const int MaxDequeues = 20;

    /// <summary>Events of one queue message handled at once.</summary>
    private const int Parallelism = 8;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.InboundPoison), logger);

    public static TimeSpan LeaseTime { get; } = TimeSpan.FromSeconds(60);

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        if (InboundWork.TryParse(queued.Text) is not { } work)
        {
            await _poison.MoveAsync(queue, queued, "The queue message is not {\"messageIds\": [...]}.", cancellationToken);
            return;
        }
        if (queued.DequeueCount > MaxDequeues)
        {
            var reason = $"Dequeued {queued.DequeueCount} times.";
            foreach (var messageId in work.MessageIds)
                await events.MarkProcessedAsync(messageId, InboundEventStore.StagePoisoned, clock.GetUtcNow(),
                    new Dictionary<string, object> { ["processError"] = reason }, cancellationToken);
            await _poison.MoveAsync(queue, queued, reason, cancellationToken);
            return;
        }

        var failed = new List<string>();
        var poisoned = new List<(string MessageId, string Reason)>();
        await Parallel.ForEachAsync(work.MessageIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (messageId, ct) =>
            {
                try
                {
                    if (await ProcessAsync(messageId, ct) is { } reason)
                        lock (poisoned) poisoned.Add((messageId, reason));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Inbound event {MessageId} not processed; it will be retried", messageId);
                    lock (failed) failed.Add(messageId);
                }
            });

        foreach (var (messageId, reason) in poisoned)
            await _poison.SetAsideAsync(queue, new InboundWork([messageId]).ToJson(), reason, cancellationToken);
        if (failed.Count == work.MessageIds.Count) return; // nothing done: the whole message reappears after its lease
        if (failed.Count > 0)
            await queue.PutAsync(new InboundWork(failed).ToJson(), RetryDelay, Timeout.InfiniteTimeSpan, cancellationToken);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
    }

    /// <summary>Parses and applies one stored event; returns why it cannot be handled, or null when done.</summary>
    private async Task<string?> ProcessAsync(string messageId, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(messageId, cancellationToken) is not { } stored) return $"No stored event {messageId}.";
        if (stored.Row.GetDateTimeOffset("processedAt") is not null) return null; // a duplicate queue message

        var parsed = Parse(stored.Raw, stored.Row.GetBoolean("rawTruncated") == true);
        if (parsed.Event is not { } evt)
        {
            var error = parsed.Error ?? "Not an EUM event.";
            await events.MarkProcessedAsync(messageId, InboundEventStore.StagePoisoned, clock.GetUtcNow(),
                new Dictionary<string, object> { ["processError"] = error }, cancellationToken);
            return error;
        }

        // Stored before the row is marked processed: a crash in between re-runs this, and the same keys fold it.
        var receivedAt = stored.Row.GetDateTimeOffset("receivedAt") ?? clock.GetUtcNow();
        var hubEvents = await recorder.RecordAsync(evt, messageId, receivedAt, cancellationToken);
        // Deliveries are keyed by event id, which a re-run gives again, so a crash before the mark never delivers twice.
        var deliveries = await fanout.PublishAsync(hubEvents, cancellationToken);

        var statusesApplied = 0;
        foreach (var status in evt.Statuses)
            if (await statuses.ApplyAsync(status, cancellationToken)) statusesApplied++;
        // A payment status names an order, not a message: it goes to the payment's workflow, never to a MESSAGE row.
        foreach (var payment in evt.Payments)
            await paymentSignals.ApplyAsync(payment, cancellationToken);
        var windows = 0;
        foreach (var message in evt.Messages)
            if (await messages.ApplyAsync(evt, message, cancellationToken)) windows++;
        // Workflows hear of a message once it is stored: a referral starts a welcome sequence, anything else is a reply.
        foreach (var message in evt.Messages)
            await workflowSignals.ApplyAsync(evt, message, cancellationToken);
        // Media contacts send is copied to S3 soon, before WhatsApp's media id expires.
        foreach (var message in evt.Messages)
            await mediaDownloads.ScheduleAsync(evt, message, cancellationToken);
        // A contact's marketing stop or resume feeds the suppression list campaigns check; template status, quality and
        // category events keep the TEMPLATE_DEFINITION rows in step.
        foreach (var account in evt.AccountEvents)
        {
            await preferences.ApplyAsync(evt, account, cancellationToken);
            await templates.ApplyAsync(account, cancellationToken);
        }

        await events.MarkProcessedAsync(messageId, InboundEventStore.StageProcessed, clock.GetUtcNow(), new Dictionary<string, object>
        {
            ["statuses"] = evt.Statuses.Count,
            ["statusesApplied"] = statusesApplied,
            ["messages"] = evt.Messages.Count,
            ["unknown"] = evt.Unknown.Count,
            ["events"] = hubEvents.Count,
            ["deliveries"] = deliveries,
        }, cancellationToken);
        return null;
    }

    private static EumEventParseResult Parse(string raw, bool truncated)
    {
        if (truncated) return new EumEventParseResult(null, "The stored raw event was truncated.");
        var sns = SnsEnvelopeParser.Parse(Encoding.UTF8.GetBytes(raw));
        if (sns.Envelope is not { } envelope) return new EumEventParseResult(null, "The stored raw event is not an SNS message.");
        if (envelope.Type != SnsEnvelope.Notification) return new EumEventParseResult(null, $"The stored raw event is a {envelope.Type}, not a Notification.");
        return EumEventParser.Parse(envelope.Message);
    }
}
