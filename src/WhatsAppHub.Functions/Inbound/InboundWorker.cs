using System.Text;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
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

        var batch = new Batch();
        var ids = work.MessageIds.Distinct(StringComparer.Ordinal).ToList();
        // Read and parse each event; then record the history of all of them at once; then apply each; then mark them
        // all processed. History rows and marks go by group commit (one transaction per partition, shared with the other
        // queue messages in flight). Each phase is idempotent and the marks come last, so an event whose queue message
        // is delivered again is only ever done again, never lost.
        await ForEachAsync(ids, batch, async (messageId, ct) => await ReadAsync(messageId, batch, ct), cancellationToken);
        var parsed = batch.Parsed.ToList();
        IReadOnlyList<IReadOnlyList<HubEvent>> hubEvents = [];
        try
        {
            if (parsed.Count > 0) hubEvents = await recorder.RecordAllAsync(parsed.Select(p => (p.Event, p.MessageId, p.ReceivedAt)).ToList(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The event history of {Count} inbound events was not stored; they will be retried", parsed.Count);
            batch.Failed.AddRange(parsed.Select(p => p.MessageId));
            parsed = [];
        }
        await ForEachAsync(Enumerable.Range(0, parsed.Count), batch, async (i, ct) =>
        {
            var details = await ApplyAsync(parsed[i].Event, hubEvents[i], ct);
            var mark = InboundEventStore.Mark(parsed[i].MessageId, InboundEventStore.StageProcessed, clock.GetUtcNow(), details);
            lock (batch) batch.Marks.Add((parsed[i].MessageId, mark));
        }, cancellationToken, i => parsed[i].MessageId);
        foreach (var (messageId, error) in await events.MarkAllAsync(batch.Marks, cancellationToken))
        {
            logger.LogWarning(error, "Inbound event {MessageId} not marked processed; it will be retried", messageId);
            batch.Failed.Add(messageId);
        }

        // An event whose poison mark failed is retried rather than set aside unmarked.
        foreach (var (messageId, reason) in batch.Poisoned.Where(p => !batch.Failed.Contains(p.MessageId)))
            await _poison.SetAsideAsync(queue, new InboundWork([messageId]).ToJson(), reason, cancellationToken);
        if (batch.Failed.Count == work.MessageIds.Count) return; // nothing done: the whole message reappears after its lease
        if (batch.Failed.Count > 0)
            await queue.PutAsync(new InboundWork(batch.Failed).ToJson(), RetryDelay, Timeout.InfiniteTimeSpan, cancellationToken);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
    }

    /// <summary>Runs <paramref name="body"/> for the items, several at a time; an item that throws is logged and retried later.</summary>
    private async Task ForEachAsync<T>(IEnumerable<T> items, Batch batch, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken,
        Func<T, string>? idOf = null)
    {
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            try
            {
                await body(item, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var messageId = idOf?.Invoke(item) ?? item!.ToString()!;
                logger.LogWarning(e, "Inbound event {MessageId} not processed; it will be retried", messageId);
                lock (batch) batch.Failed.Add(messageId);
            }
        });
    }

    /// <summary>Reads and parses one stored event: parsed, already processed (a duplicate queue message), or set aside with why.</summary>
    private async Task ReadAsync(string messageId, Batch batch, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(messageId, cancellationToken) is not { } stored)
        {
            lock (batch) batch.Poisoned.Add((messageId, $"No stored event {messageId}."));
            return;
        }
        if (stored.Row.GetDateTimeOffset("processedAt") is not null) return; // a duplicate queue message

        var parsed = Parse(stored.Raw, stored.Row.GetBoolean("rawTruncated") == true);
        if (parsed.Event is not { } evt)
        {
            var error = parsed.Error ?? "Not an EUM event.";
            var mark = InboundEventStore.Mark(messageId, InboundEventStore.StagePoisoned, clock.GetUtcNow(), new Dictionary<string, object> { ["processError"] = error });
            lock (batch)
            {
                batch.Marks.Add((messageId, mark));
                batch.Poisoned.Add((messageId, error));
            }
            return;
        }
        var receivedAt = stored.Row.GetDateTimeOffset("receivedAt") ?? clock.GetUtcNow();
        lock (batch) batch.Parsed.Add((messageId, evt, receivedAt));
    }

    /// <summary>Applies one parsed event whose history is stored; returns what its processed mark says.</summary>
    private async Task<Dictionary<string, object>> ApplyAsync(EumEvent evt, IReadOnlyList<HubEvent> hubEvents, CancellationToken cancellationToken)
    {
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

        return new Dictionary<string, object>
        {
            ["statuses"] = evt.Statuses.Count,
            ["statusesApplied"] = statusesApplied,
            ["messages"] = evt.Messages.Count,
            ["unknown"] = evt.Unknown.Count,
            ["events"] = hubEvents.Count,
            ["deliveries"] = deliveries,
        };
    }

    private static EumEventParseResult Parse(string raw, bool truncated)
    {
        if (truncated) return new EumEventParseResult(null, "The stored raw event was truncated.");
        var sns = SnsEnvelopeParser.Parse(Encoding.UTF8.GetBytes(raw));
        if (sns.Envelope is not { } envelope) return new EumEventParseResult(null, "The stored raw event is not an SNS message.");
        if (envelope.Type != SnsEnvelope.Notification) return new EumEventParseResult(null, $"The stored raw event is a {envelope.Type}, not a Notification.");
        return EumEventParser.Parse(envelope.Message);
    }

    /// <summary>What became of the events of one queue message, phase by phase.</summary>
    private sealed class Batch
    {
        public List<string> Failed { get; } = [];
        public List<(string MessageId, string Reason)> Poisoned { get; } = [];
        public List<(string MessageId, TableRow Mark)> Marks { get; } = [];
        public List<(string MessageId, EumEvent Event, DateTimeOffset ReceivedAt)> Parsed { get; } = [];
    }
}
