using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Functions.Events;

/// <summary>
/// Turns a parsed EUM event into normalized <see cref="HubEvent"/>s and stores them: the event history (WEBHOOK_EVENT)
/// and, for messages from a Click-to-WhatsApp ad, CTWA_EVENT rows. Every write is insert-if-absent on keys the event
/// alone determines, so running it again for the same delivery (a crash before the raw row was marked) changes nothing.
/// </summary>
public sealed class EventRecorder(WebhookEventStore history, CtwaEventStore ctwa, TimeProvider clock)
{
    /// <param name="receivedAt">When the hub stored the delivery: the time of events nothing else dates.</param>
    /// <returns>The events, in the mapper's order, for whoever fans them out next.</returns>
    public async Task<IReadOnlyList<HubEvent>> RecordAsync(EumEvent evt, string snsMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        (await RecordAllAsync([(evt, snsMessageId, receivedAt)], cancellationToken))[0];

    /// <summary>
    /// Records the deliveries of one <c>inbound</c> queue message together: their history rows go in one transaction
    /// per partition rather than one per delivery. All or nothing for the caller: on an exception, record them all again.
    /// </summary>
    /// <returns>Each delivery's events, in the order of <paramref name="deliveries"/>.</returns>
    public async Task<IReadOnlyList<IReadOnlyList<HubEvent>>> RecordAllAsync(
        IReadOnlyList<(EumEvent Event, string SnsMessageId, DateTimeOffset ReceivedAt)> deliveries, CancellationToken cancellationToken)
    {
        var mapped = deliveries.Select(d => HubEventMapper.Map(d.Event, d.SnsMessageId, d.ReceivedAt)).ToList();
        await history.InsertAllAsync(deliveries.SelectMany((d, i) => mapped[i].Select(e => (e, d.SnsMessageId))).ToList(), clock.GetUtcNow(), cancellationToken);
        for (var d = 0; d < deliveries.Count; d++)
        {
            var (evt, snsMessageId, _) = deliveries[d];
            var events = mapped[d];
            // The mapper emits one event per message first, in the messages' order.
            for (var i = 0; i < evt.Messages.Count; i++)
                if (evt.Messages[i].Referral is { } referral)
                    await ctwa.RecordAsync(evt.Messages[i], referral, events[i], snsMessageId, cancellationToken);
        }
        return mapped;
    }
}
