using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Drains the <c>campaigns</c> queue with <see cref="CampaignRunner"/> (<c>Campaigns:RunPumps</c>). Each message is one
/// campaign's run, so a few at once are plenty: a campaign is paced by its rate, not by how many run side by side.
/// </summary>
public sealed class CampaignPump(QueueService queues, CampaignRunner runner, StorageInitializer storage, HubOptions options, ILogger<CampaignPump> logger)
    : QueuePump(queues, storage, logger)
{
    protected override string QueueName => HubQueues.Campaigns;

    protected override int MaxInFlight => 8;

    protected override TimeSpan LeaseTime => CampaignRunner.LeaseTime;

    protected override bool Enabled => options.Campaigns.RunPumps;

    protected override Task HandleAsync(IWorkQueue queue, QueueMessage message, CancellationToken cancellationToken) =>
        runner.HandleAsync(queue, message, cancellationToken);
}
