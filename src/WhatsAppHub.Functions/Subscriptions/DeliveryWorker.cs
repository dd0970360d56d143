using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// Handles one <c>deliveries</c> queue message: one attempt to post the stored event to its subscriber. 2xx → the row
/// becomes <c>delivered</c>; a failure → <c>retrying</c>, and the same queue message is hidden until the next attempt
/// (exponential back-off with jitter, <see cref="DeliveryBackoff"/>); the last failed attempt, or a 410 Gone →
/// <c>dead-lettered</c>. A deleted subscription's deliveries are <c>cancelled</c>. Every step checks the row first, so a
/// duplicated or redelivered queue message never sends a finished delivery again.
/// </summary>
public sealed class DeliveryWorker(
    SubscriptionStore subscriptions,
    DeliveryStore deliveries,
    SubscriberClient client,
    HubOptions options,
    QueueService queues,
    TimeProvider clock,
    ILogger<DeliveryWorker> logger)
{
    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.DeliveriesPoison), logger);

    /// <summary>How long a dequeued message stays hidden while its attempt runs: the attempt's deadline and a margin.</summary>
    public TimeSpan LeaseTime => options.Subscriptions.Timeout + TimeSpan.FromSeconds(30);

    /// <summary>
    /// Dequeues beyond which a message is set aside: each attempt dequeues it once, so only a message whose attempts keep
    /// crashing before their outcome is written gets this far.
    /// </summary>
    public int MaxDequeues => options.Subscriptions.MaxAttempts * 2 + 10;

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        if (DeliveryWork.TryParse(queued.Text) is not var (subscriptionId, deliveryId))
        {
            await _poison.MoveAsync(queue, queued, "The queue message is not {\"subscriptionId\": …, \"deliveryId\": …}.", cancellationToken);
            return;
        }
        if (await deliveries.FindAsync(subscriptionId, deliveryId, cancellationToken) is not var (delivery, row))
        {
            await _poison.MoveAsync(queue, queued, $"No stored delivery {deliveryId} for {subscriptionId}.", cancellationToken);
            return;
        }
        if (DeliveryStatus.IsFinal(delivery.Status))
        {
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken); // a duplicate queue message
            return;
        }
        var now = clock.GetUtcNow();
        if (await subscriptions.FindAsync(subscriptionId, cancellationToken) is not { } subscription)
        {
            await RecordAsync(delivery, row, r => r.Set("status", DeliveryStatus.Cancelled).Set("nextAttemptAt", null).Set("lastError", "The subscription was deleted."), cancellationToken);
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            return;
        }
        if (queued.DequeueCount > MaxDequeues)
        {
            await RecordAsync(delivery, row, r => r.Set("status", DeliveryStatus.DeadLettered).Set("nextAttemptAt", null)
                .Set("lastError", $"Dequeued {queued.DequeueCount} times without an outcome."), cancellationToken);
            await _poison.MoveAsync(queue, queued, $"Dequeued {queued.DequeueCount} times.", cancellationToken);
            return;
        }

        // The settings may have changed since the subscription was made (http to loopback is for local runs only);
        // such a delivery is dead-lettered at once, since retrying cannot help.
        var deliverable = SubscriptionRules.IsDeliverable(subscription.Endpoint, options.Subscriptions.AllowHttpLoopback);
        var attempt = deliverable
            ? await client.PostAsync(subscription, delivery, delivery.Body!, cancellationToken)
            : new DeliveryAttempt(false, null, "The endpoint is not https and Subscriptions__AllowHttpLoopback is off; nothing was sent.");
        var attempts = delivery.Attempts + 1;
        var finished = clock.GetUtcNow();
        void Outcome(TableRow r) =>
            r.Set("attempts", attempts).Set("lastAttemptAt", now).Set("lastStatusCode", attempt.StatusCode).Set("lastError", attempt.Error);
        if (attempt.Delivered)
        {
            await RecordAsync(delivery, row, r => Outcome(r.Set("status", DeliveryStatus.Delivered).Set("deliveredAt", finished).Set("nextAttemptAt", null)), cancellationToken);
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            logger.LogInformation("Delivered {DeliveryId} ({EventType}) to {SubscriptionId} at {Host} on attempt {Attempt}",
                deliveryId, delivery.EventType, subscriptionId, subscription.Endpoint.Host, attempts);
            return;
        }
        if (attempts >= options.Subscriptions.MaxAttempts || attempt.Gone || !deliverable)
        {
            await RecordAsync(delivery, row, r => Outcome(r.Set("status", DeliveryStatus.DeadLettered).Set("nextAttemptAt", null)), cancellationToken);
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            logger.LogWarning("Dead-lettered {DeliveryId} ({EventType}) for {SubscriptionId} at {Host} after {Attempts} attempts: {Error}",
                deliveryId, delivery.EventType, subscriptionId, subscription.Endpoint.Host, attempts, attempt.Error);
            return;
        }

        var delay = DeliveryBackoff.After(attempts, options.Subscriptions.FirstRetryDelay, Random.Shared.NextDouble());
        // Queue visibility counts whole seconds; round up so no retry comes early.
        delay = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(delay.TotalSeconds)));
        if (!await RecordAsync(delivery, row, r => Outcome(r.Set("status", DeliveryStatus.Retrying).Set("nextAttemptAt", finished + delay)), cancellationToken))
        {
            // Someone else moved the delivery on (an operator's retry, a duplicate message): leave it to them.
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            return;
        }
        await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, delay, cancellationToken);
        logger.LogInformation("Delivery {DeliveryId} for {SubscriptionId} failed attempt {Attempt} ({Error}); next in {Delay}",
            deliveryId, subscriptionId, attempts, attempt.Error, delay);
    }

    /// <summary>
    /// Writes an outcome onto the row read before the attempt. The row may have changed meanwhile only by its
    /// <c>queued</c> mark (the publisher marks it after the queue put, which can land while the attempt runs): then the
    /// outcome is applied to a fresh read. Any other change (attempts or status moved on) means someone else owns the
    /// delivery now, and the outcome is dropped (false).
    /// </summary>
    private async Task<bool> RecordAsync(Delivery read, TableRow row, Action<TableRow> apply, CancellationToken cancellationToken)
    {
        for (var tries = 0; tries < 3; tries++)
        {
            apply(row);
            if (await deliveries.SaveAsync(row, cancellationToken)) return true;
            if (await deliveries.FindAsync(read.SubscriptionId, read.Id, cancellationToken) is not var (current, fresh)
                || current.Status != read.Status || current.Attempts != read.Attempts)
                return false;
            row = fresh;
        }
        return false;
    }
}
