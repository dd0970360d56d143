using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Recording;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>
/// Plays Meta's status webhooks for accepted messages: the configured statuses (sent, delivered,
/// read), <c>StatusDelayMs</c> apart, strictly in order per message (each waits for the previous
/// delivery, retries included), many messages at once.
/// </summary>
public sealed class StatusPublisher(
    SnsPublisher sns,
    EumEventBuilder events,
    IOptions<SandboxOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<StatusPublisher> logger)
{
    public void Schedule(StatusJob job, MessageRecord record)
    {
        var statuses = options.Value.StatusList;
        if (statuses.Count == 0)
        {
            return;
        }
        _ = Task.Run(() => RunAsync(job, record, statuses, lifetime.ApplicationStopping));
    }

    private async Task RunAsync(StatusJob job, MessageRecord record, IReadOnlyList<string> statuses, CancellationToken stopping)
    {
        try
        {
            var pricingSent = false;
            foreach (var status in statuses)
            {
                await Task.Delay(Math.Max(0, options.Value.StatusDelayMs), stopping);
                // Pricing rides on "sent" and on the first of delivered/read (whatsapp-cloud-api.md §5.4).
                var withPricing = status == "sent" || (status is "delivered" or "read" && !pricingSent);
                pricingSent |= withPricing && status != "sent";
                var entry = events.StatusEntry(job, status, withPricing);
                var delivery = await sns.PublishAsync(events.Wrap(entry), $"status:{status} {job.MessageId}", stopping);
                record.AddStatus(new PublishedStatus(status, delivery.SnsMessageId, delivery.Time, delivery.HubStatus, delivery.Attempts, delivery.Error));
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: unpublished statuses are dropped, as a stopped Meta would never send them.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Publishing statuses for {MessageId} failed", job.MessageId);
        }
    }
}
