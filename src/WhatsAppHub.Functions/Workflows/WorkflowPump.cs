using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>Drains the <c>workflows</c> queue with <see cref="WorkflowWorker"/> (<c>Workflows:RunPumps</c>); every hub instance competes for it.</summary>
public sealed class WorkflowPump(QueueService queues, WorkflowWorker worker, StorageInitializer storage, HubOptions options, ILogger<WorkflowPump> logger)
    : QueuePump(queues, storage, logger)
{
    protected override string QueueName => HubQueues.Workflows;

    /// <summary>Transitions are a few storage calls each (and an accept for a send): many can be in flight.</summary>
    protected override int MaxInFlight => 64;

    protected override TimeSpan LeaseTime => WorkflowWorker.LeaseTime;

    protected override bool Enabled => options.Workflows.RunPumps;

    protected override Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken cancellationToken) =>
        worker.HandleAsync(queue, message, cancellationToken);
}
