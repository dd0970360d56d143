namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>A subscription as the API shows it: everything but the secret, which is never given back.</summary>
public sealed record SubscriptionView(string Id, string Endpoint, IReadOnlyList<string> Events, string? Description, DateTimeOffset CreatedAt)
{
    public static SubscriptionView From(Subscription s) => new(s.Id, s.Endpoint.OriginalString, s.Events, s.Description, s.CreatedAt);
}

/// <summary>The answer of <c>GET /api/subscriptions</c>.</summary>
public sealed record SubscriptionListView(IReadOnlyList<SubscriptionView> Items);
