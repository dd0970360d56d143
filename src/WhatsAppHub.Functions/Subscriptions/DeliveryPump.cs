using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// Drains the <c>deliveries</c> queue with <see cref="DeliveryWorker"/> (<c>Subscriptions:RunPumps</c>), many attempts
/// at once: one slow or silent subscriber (up to <c>Subscriptions__TimeoutSeconds</c> per attempt) must not hold back
/// deliveries to the others.
/// </summary>
public sealed class DeliveryPump(QueueService queues, DeliveryWorker worker, StorageInitializer storage, HubOptions options, ILogger<DeliveryPump> logger)
    : QueuePump(queues, storage, logger)
{
    protected override string QueueName => HubQueues.Deliveries;

    protected override int MaxInFlight => 64;

    protected override TimeSpan LeaseTime => worker.LeaseTime;

    protected override bool Enabled => options.Subscriptions.RunPumps;

    protected override Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken cancellationToken) =>
        worker.HandleAsync(queue, message, cancellationToken);
}
