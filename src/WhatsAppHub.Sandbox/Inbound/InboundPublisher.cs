using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>What one published event named: its SNS message (shared by all its copies), wamid, media and sender.</summary>
public sealed record PublishedEvent(string Type, string SnsMessageId, string? Wamid, string? MediaId, string? From);

/// <summary>The answer of the inbound routes: how the deliveries were played, the events, and every delivery in the order made.</summary>
public sealed record InboundResult(string Order, int? Seed, int Copies, int DelayMs, IReadOnlyList<PublishedEvent> Events, IReadOnlyList<SnsDelivery> Deliveries);

/// <summary>
/// Publishes composed inbound events as SNS does at its worst: each signed once, then delivered as many times as asked
/// (duplicates share MessageId and signature), in the asked order, with a wait before each delivery. The request
/// waits for every delivery to end (retries included), so the answer carries the hub's answers.
/// </summary>
public sealed class InboundPublisher(SnsPublisher sns, SandboxWorld world, TimeProvider time, ILogger<InboundPublisher> logger)
{
    public async Task<InboundResult> PublishAsync(IReadOnlyList<ComposedEvent> events, DeliveryPlan plan, CancellationToken cancellationToken)
    {
        // The media exists before the message arrives, so a hub that fetches it at once finds it. An id already
        // held (a caller may name one) is left as it is: publishing never replaces what the world holds.
        world.Locked(w =>
        {
            foreach (var media in events.Select(e => e.Media).OfType<MediaObject>())
            {
                w.Media.TryAdd(media.MediaId, media);
            }
        });

        var signed = events.Select(e => sns.Sign(e.EumEvent, e.Wamid is null ? $"inbound:{e.Type}" : $"inbound:{e.Type} {e.Wamid}")).ToList();
        var sequence = Arrange(Enumerable.Range(0, events.Count).SelectMany(i => Enumerable.Repeat(i, plan.Copies)).ToList(), plan);
        var deliveries = new List<SnsDelivery>(sequence.Count);
        foreach (var index in sequence)
        {
            if (plan.DelayMs > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(plan.DelayMs), time, cancellationToken);
            }
            deliveries.Add(await sns.DeliverAsync(signed[index], cancellationToken));
        }
        logger.LogInformation("Published {Events} inbound event(s) as {Deliveries} SNS deliveries ({Order})", events.Count, deliveries.Count, plan.Order);

        var published = events.Select((e, i) => new PublishedEvent(e.Type, signed[i].Message.MessageId, e.Wamid, e.Media?.MediaId, e.From)).ToList();
        return new InboundResult(plan.Order, plan.Seed, plan.Copies, plan.DelayMs, published, deliveries);
    }

    /// <summary>The delivery order: as given, reversed, or a Fisher–Yates shuffle driven by the plan's seed (reproducible).</summary>
    public static IReadOnlyList<int> Arrange(IReadOnlyList<int> deliveries, DeliveryPlan plan)
    {
        var order = deliveries.ToArray();
        if (plan.Order == "reverse")
        {
            Array.Reverse(order);
        }
        else if (plan.Order == "shuffle")
        {
            var random = new Random(plan.Seed ?? 0);
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        return order;
    }
}
