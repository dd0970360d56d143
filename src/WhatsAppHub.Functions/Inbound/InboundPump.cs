using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>Drains the <c>inbound</c> queue with <see cref="InboundWorker"/> (<c>Inbound:RunPumps</c>).</summary>
public sealed class InboundPump(QueueService queues, InboundWorker worker, StorageInitializer storage, HubOptions options, ILogger<InboundPump> logger)
    : QueuePump(queues, storage, logger)
{
    protected override string QueueName => HubQueues.Inbound;

    /// <summary>Each queue message names up to 100 events, handled several at a time by the worker.</summary>
    protected override int MaxInFlight => 16;

    protected override TimeSpan LeaseTime => InboundWorker.LeaseTime;

    protected override bool Enabled => options.Inbound.RunPumps;

    protected override Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken cancellationToken) =>
        worker.HandleAsync(queue, message, cancellationToken);
}
