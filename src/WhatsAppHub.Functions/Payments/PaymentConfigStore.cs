using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// PAYMENT_CONFIG rows in the <c>Payments</c> table: <c>PAYMENT_CONFIG|{waba}</c> / <c>{configurationName}</c>. An
/// account has a handful, so listing reads its partition; a payment request reads one row by its name.
/// </summary>
public sealed class PaymentConfigStore(TableService tables)
{
    private readonly ITableStore _table = tables.GetTable(HubTables.Payments);

    public static string Partition(string wabaId) => StorageKey.Compose("PAYMENT_CONFIG", wabaId);

    public async Task<StoredPaymentConfig?> GetAsync(string wabaId, string name, CancellationToken cancellationToken) =>
        PaymentConfigRules.IsName(name) && await _table.GetAsync(Partition(wabaId), StorageKey.Escape(name), cancellationToken) is { } row
            ? FromRow(row)
            : null;

    public async Task<IReadOnlyList<StoredPaymentConfig>> ListAsync(string wabaId, CancellationToken cancellationToken)
    {
        var all = new List<StoredPaymentConfig>();
        TableContinuation? continuation = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery { PartitionKey = Partition(wabaId), Continuation = continuation }, cancellationToken);
            all.AddRange(page.Rows.Select(FromRow));
            continuation = page.Continuation;
        } while (continuation is not null);
        return all;
    }

    /// <summary>False when a configuration of that name exists.</summary>
    public Task<bool> InsertAsync(string wabaId, PaymentConfig config, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(wabaId, config, now, now), cancellationToken);

    /// <summary>Creates or replaces; the first write's <c>createdAt</c> stays. True when it was new.</summary>
    public async Task<(StoredPaymentConfig Config, bool Created)> PutAsync(string wabaId, PaymentConfig config, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await _table.InsertIfAbsentAsync(ToRow(wabaId, config, now, now), cancellationToken))
            return (new StoredPaymentConfig(wabaId, config, now, now), true);
        var createdAt = (await GetAsync(wabaId, config.Name, cancellationToken))?.CreatedAt ?? now;
        // Last writer wins: the business's own requests are the only writers of a configuration.
        await _table.UpsertAsync(ToRow(wabaId, config, createdAt, now), TableUpdateMode.Replace, cancellationToken);
        return (new StoredPaymentConfig(wabaId, config, createdAt, now), false);
    }

    public Task<bool> DeleteAsync(string wabaId, string name, CancellationToken cancellationToken) =>
        _table.DeleteAsync(Partition(wabaId), StorageKey.Escape(name), "*", cancellationToken);

    private static TableRow ToRow(string wabaId, PaymentConfig config, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var row = new TableRow(Partition(wabaId), StorageKey.Escape(config.Name));
        row.Set(ItemType.PropertyName, ItemType.PaymentConfig);
        row.Set("wabaId", wabaId);
        row.Set("configurationName", config.Name);
        row.Set("gateway", config.Gateway);
        row.Set("description", config.Description);
        row.Set("createdAt", createdAt);
        row.Set("updatedAt", now);
        return row;
    }

    private static StoredPaymentConfig FromRow(TableRow row) => new(
        row.GetString("wabaId") ?? "",
        new PaymentConfig(row.GetString("configurationName") ?? StorageKey.Unescape(row.RowKey), row.GetString("gateway") ?? "", row.GetString("description")),
        row.GetDateTimeOffset("createdAt") ?? row.Timestamp ?? default,
        row.GetDateTimeOffset("updatedAt") ?? row.Timestamp ?? default);
}

public sealed record StoredPaymentConfig(string WabaId, PaymentConfig Config, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
