using System.Text;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Functions.Events;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// Handles one <c>inbound</c> queue message: reads the stored raw SNS Notification, parses it (SNS → EUM event → Meta
/// entry), records its normalized events (the event history, CTWA referrals) and applies what the hub handles now
/// (statuses, and the 24-hour window of contacts who wrote); the raw row keeps everything as received. The row is marked <c>processedAt</c> either way. Every step is idempotent, so a
/// redelivered or duplicated queue message changes nothing more; one that cannot be handled goes to
/// <c>inbound-poison</c> with its reason.
/// </summary>
public sealed class InboundWorker(
    InboundEventStore events,
    StatusWebhookHandler statuses,
    InboundMessageHandler messages,
    EventRecorder recorder,
    QueueService queues,
    TimeProvider clock,
    ILogger<InboundWorker> logger)
{
    /// <summary>Deliveries after which a queue message that keeps failing is set aside.</summary>
    public const int MaxDequeues = 20;

    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.InboundPoison), logger);

    public static TimeSpan LeaseTime { get; } = TimeSpan.FromSeconds(60);

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        if (InboundWork.TryParseMessageId(queued.Text) is not { } messageId)
        {
            await _poison.MoveAsync(queue, queued, "The queue message is not {\"messageId\": …}.", cancellationToken);
            return;
        }
        if (queued.DequeueCount > MaxDequeues)
        {
            await events.MarkProcessedAsync(messageId, InboundEventStore.StagePoisoned, clock.GetUtcNow(),
                new Dictionary<string, object> { ["processError"] = $"Dequeued {queued.DequeueCount} times." }, cancellationToken);
            await _poison.MoveAsync(queue, queued, $"Dequeued {queued.DequeueCount} times.", cancellationToken);
            return;
        }
        if (await events.FindAsync(messageId, cancellationToken) is not { } stored)
        {
            await _poison.MoveAsync(queue, queued, $"No stored event {messageId}.", cancellationToken);
            return;
        }
        if (stored.Row.GetDateTimeOffset("processedAt") is not null)
        {
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken); // a duplicate queue message
            return;
        }
        var parsed = Parse(stored.Raw, stored.Row.GetBoolean("rawTruncated") == true);
        if (parsed.Event is not { } evt)
        {
            var error = parsed.Error ?? "Not an EUM event.";
            await events.MarkProcessedAsync(messageId, InboundEventStore.StagePoisoned, clock.GetUtcNow(),
                new Dictionary<string, object> { ["processError"] = error }, cancellationToken);
            await _poison.MoveAsync(queue, queued, error, cancellationToken);
            return;
        }

        // Stored before the row is marked processed: a crash in between re-runs this, and the same keys fold it.
        var receivedAt = stored.Row.GetDateTimeOffset("receivedAt") ?? clock.GetUtcNow();
        var hubEvents = await recorder.RecordAsync(evt, messageId, receivedAt, cancellationToken);
        // Subscriber fan-out takes hubEvents here: their ids are the same on a re-run, so deliveries can dedupe on them.

        var statusesApplied = 0;
        foreach (var status in evt.Statuses)
            if (await statuses.ApplyAsync(status, cancellationToken)) statusesApplied++;
        var windows = 0;
        foreach (var message in evt.Messages)
            if (await messages.ApplyAsync(evt, message, cancellationToken)) windows++;

        await events.MarkProcessedAsync(messageId, InboundEventStore.StageProcessed, clock.GetUtcNow(), new Dictionary<string, object>
        {
            ["statuses"] = evt.Statuses.Count,
            ["statusesApplied"] = statusesApplied,
            ["messages"] = evt.Messages.Count,
            ["unknown"] = evt.Unknown.Count,
            ["events"] = hubEvents.Count,
        }, cancellationToken);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
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
