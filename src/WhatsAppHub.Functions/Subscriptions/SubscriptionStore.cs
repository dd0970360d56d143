using System.Text.Json;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>
/// WEBHOOK_CONFIG rows in the <c>Subscriptions</c> table: <c>WEBHOOK|all</c> / <c>{subscription id}</c>. The
/// specification keys them by account (<c>WEBHOOK#{waba}</c>); a subscription here hears every account, hence
/// <c>all</c>, which leaves room for per-account subscriptions under <c>WEBHOOK|{waba}</c>. Subscriptions are few, so
/// one partition holds them and listing is one query.
/// </summary>
public sealed class SubscriptionStore(TableService tables)
{
    public const string Partition = "WEBHOOK|all";

    private readonly ITableStore _table = tables.GetTable(HubTables.Subscriptions);

    public Task InsertAsync(Subscription subscription, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(subscription), cancellationToken);

    public async Task<Subscription?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!SubscriptionIds.IsValid(id)) return null;
        var row = await _table.GetAsync(Partition, id, cancellationToken);
        return row is null ? null : FromRow(row);
    }

    /// <summary>Every subscription, oldest first (ids are time-ordered).</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await _table.QueryAllAsync(new TableQuery { PartitionKey = Partition }, cancellationToken);
        return rows.Select(FromRow).ToList();
    }

    /// <summary>False when there was no such subscription.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        SubscriptionIds.IsValid(id) && await _table.DeleteAsync(Partition, id, ct: cancellationToken);

    private static TableRow ToRow(Subscription s)
    {
        var row = new TableRow(Partition, s.Id);
        row.Set(ItemType.PropertyName, ItemType.WebhookConfig);
        row.Set("subscriptionId", s.Id);
        row.Set("endpoint", s.Endpoint.OriginalString);
        row.Set("events", JsonSerializer.Serialize(s.Events));
        // Kept as given: the hub needs the secret itself to compute each delivery's HMAC (a hash would not do).
        row.Set("secret", s.Secret);
        row.Set("description", s.Description);
        row.Set("createdAt", s.CreatedAt);
        return row;
    }

    private static Subscription FromRow(TableRow r) => new(
        r.GetString("subscriptionId") ?? r.RowKey,
        new Uri(r.GetString("endpoint")!, UriKind.Absolute),
        JsonSerializer.Deserialize<string[]>(r.GetString("events") ?? "[\"*\"]") ?? ["*"],
        r.GetString("secret") ?? string.Empty,
        r.GetString("description"),
        r.GetDateTimeOffset("createdAt") ?? r.Timestamp ?? DateTimeOffset.MinValue);
}
