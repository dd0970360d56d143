using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// Routes of the subscriber side of Webhooks (<c>register_webhook</c>): subscribe an endpoint to event types, list,
/// read and delete subscriptions, read a subscription's delivery log and send a dead-lettered delivery again.
/// </summary>
public static class SubscriptionEndpoints
{
    /// <summary>A subscription body is a URL, a few patterns and a secret.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static RouteGroupBuilder MapSubscriptionEndpoints(this RouteGroupBuilder api)
    {
        var subscriptions = api.MapGroup("/subscriptions").WithTags("Subscriptions");
        subscriptions.MapPost("/", CreateAsync).WithName("CreateSubscription")
            .WithSummary("Subscribe an https endpoint to hub events (type patterns such as *, status.* or message.received), signed with a secret; answers 201.");
        subscriptions.MapGet("/", ListAsync).WithName("ListSubscriptions")
            .WithSummary("List the subscriptions, oldest first (secrets are never shown).");
        subscriptions.MapGet("/{id}", GetAsync).WithName("GetSubscription")
            .WithSummary("Read a subscription.");
        subscriptions.MapDelete("/{id}", DeleteAsync).WithName("DeleteSubscription")
            .WithSummary("Delete a subscription; its queued deliveries are cancelled.");
        subscriptions.MapGet("/{id}/deliveries", ListDeliveriesAsync).WithName("ListSubscriptionDeliveries")
            .WithSummary("A subscription's deliveries, newest event first, filtered by status (pending, delivered, retrying, dead-lettered, cancelled).");
        subscriptions.MapGet("/{id}/deliveries/{deliveryId}", GetDeliveryAsync).WithName("GetSubscriptionDelivery")
            .WithSummary("Read one delivery, with the event it sends.");
        subscriptions.MapPost("/{id}/deliveries/{deliveryId}/retry", RetryDeliveryAsync).WithName("RetrySubscriptionDelivery")
            .WithSummary("Send a dead-lettered delivery again, with a fresh set of attempts; answers 202.");
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SubscriptionStore store, SubscriptionCache cache, HubOptions options,
        TimeProvider clock, ILogger<SubscriptionStore> logger, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var (created, errors) = SubscriptionRules.Read(body.Bytes.Span, options.Subscriptions.AllowHttpLoopback);
        if (created is null) return HubProblems.Validation(errors);

        var subscription = new Subscription(SubscriptionIds.New(), created.Endpoint, created.Events, created.Secret, created.Description, clock.GetUtcNow());
        await store.InsertAsync(subscription, cancellationToken);
        cache.Invalidate();
        logger.LogInformation("Created subscription {SubscriptionId} to {Host} for {Events}", subscription.Id, subscription.Endpoint.Host, string.Join(",", subscription.Events));
        return Results.Created($"/api/subscriptions/{subscription.Id}", SubscriptionView.From(subscription));
    }

    private static async Task<IResult> ListAsync(SubscriptionStore store, CancellationToken cancellationToken) =>
        Results.Ok(new SubscriptionListView((await store.ListAsync(cancellationToken)).Select(SubscriptionView.From).ToList()));

    private static async Task<IResult> GetAsync(string id, SubscriptionStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } subscription
            ? Results.Ok(SubscriptionView.From(subscription))
            : NoSubscription();

    private static async Task<IResult> DeleteAsync(string id, SubscriptionStore store, SubscriptionCache cache, ILogger<SubscriptionStore> logger,
        CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, cancellationToken)) return NoSubscription();
        cache.Invalidate();
        logger.LogInformation("Deleted subscription {SubscriptionId}", id);
        return Results.NoContent();
    }

    private static async Task<IResult> ListDeliveriesAsync(string id, HttpRequest request, SubscriptionStore store, DeliveryStore deliveries,
        CancellationToken cancellationToken)
    {
        var (query, errors) = DeliveryListQuery.Read(request.Query);
        if (query is null) return HubProblems.Validation(errors);
        if (await store.FindAsync(id, cancellationToken) is null) return NoSubscription();
        var (items, continuation) = await deliveries.ListAsync(id, query.Status, query.Limit, query.Continuation, cancellationToken);
        return Results.Ok(new DeliveryListView(items.Select(DeliveryView.From).ToList(), continuation?.ToToken()));
    }

    private static async Task<IResult> GetDeliveryAsync(string id, string deliveryId, SubscriptionStore store, DeliveryStore deliveries,
        CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null) return NoSubscription();
        return await deliveries.FindAsync(id, deliveryId, cancellationToken) is var (delivery, _)
            ? Results.Ok(DeliveryView.From(delivery))
            : HubProblems.NotFound("The subscription has no delivery with this id.");
    }

    private static async Task<IResult> RetryDeliveryAsync(string id, string deliveryId, SubscriptionStore store, DeliveryStore deliveries,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null) return NoSubscription();
        if (await deliveries.FindAsync(id, deliveryId, cancellationToken) is not var (delivery, row))
            return HubProblems.NotFound("The subscription has no delivery with this id.");
        // A delivery still in the queue must not get a second queue message (two attempts would race); one whose
        // queue put never happened (an instance died) is the exception.
        var stranded = delivery.Status == DeliveryStatus.Pending && !delivery.Queued;
        if (delivery.Status != DeliveryStatus.DeadLettered && !stranded)
            return HubProblems.Conflict("delivery-not-retryable", "Only a dead-lettered delivery can be retried.",
                $"The delivery is {delivery.Status}.");
        if (delivery.Body is not { Length: > 0 })
            return HubProblems.Conflict("delivery-not-retryable", "This delivery cannot be retried.", delivery.LastError ?? "It holds no event to send.");
        if (!await deliveries.RequeueAsync(row, clock.GetUtcNow(), cancellationToken))
            return HubProblems.Conflict("delivery-not-retryable", "The delivery changed meanwhile.", "Read it again and retry if it is still dead-lettered.");
        var location = $"/api/subscriptions/{id}/deliveries/{deliveryId}";
        return Results.Accepted(location, DeliveryView.From((await deliveries.FindAsync(id, deliveryId, cancellationToken))?.Delivery ?? delivery) with { Event = null });
    }

    private static IResult NoSubscription() => HubProblems.NotFound("No subscription has this id.");
}
