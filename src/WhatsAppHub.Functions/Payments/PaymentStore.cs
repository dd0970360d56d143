using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// PAYMENT rows in the <c>Payments</c> table, <c>PAYMENT|{paymentId}</c> / <c>{paymentId}</c>, and one reference row per
/// reference a payment may send, <c>PAYREF|{referenceId}</c> / <c>{referenceId}</c> → paymentId. Each partition holds
/// one row; the RowKey repeats the id so it is unique across the table (data-model.md, key rules). A payment status names an
/// order only by its reference, so the reference rows find the payment with one point read; inserting them before
/// anything is sent makes every reference (retries included) belong to one payment only.
/// </summary>
public sealed class PaymentStore(TableService tables)
{
    private readonly ITableStore _table = tables.GetTable(HubTables.Payments);

    public static string Partition(string paymentId) => StorageKey.Compose("PAYMENT", paymentId);

    public static string ReferencePartition(string referenceId) => StorageKey.Compose("PAYREF", referenceId);

    private static string RowKey(string id) => StorageKey.Escape(id);

    /// <summary>A payment id: 32 hex digits, time-ordered (also the reference of a request that names none).</summary>
    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    public async Task<PaymentRecord?> GetAsync(string paymentId, CancellationToken cancellationToken) =>
        IsId(paymentId) && await _table.GetAsync(Partition(paymentId), RowKey(paymentId), cancellationToken) is { } row ? FromRow(row) : null;

    /// <summary>False when the payment exists.</summary>
    public Task<bool> InsertAsync(PaymentRecord payment, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(payment), cancellationToken);

    /// <summary>
    /// Claims every reference for <paramref name="paymentId"/>. When one belongs to another payment, the references
    /// this call claimed are released and that payment's id is returned; null when all are this payment's.
    /// </summary>
    public async Task<(string Reference, string Owner)?> ReserveReferencesAsync(string paymentId, IReadOnlyList<string> references,
        CancellationToken cancellationToken)
    {
        var claimed = new List<string>();
        foreach (var reference in references)
        {
            var row = new TableRow(ReferencePartition(reference), RowKey(reference));
            row.Set("paymentId", paymentId);
            row.Set("referenceId", reference);
            if (await _table.InsertIfAbsentAsync(row, cancellationToken))
            {
                claimed.Add(reference);
                continue;
            }
            var owner = await FindByReferenceAsync(reference, cancellationToken);
            if (owner is null || owner == paymentId) continue; // our own earlier claim (a retried insert)
            foreach (var mine in claimed) await _table.DeleteAsync(ReferencePartition(mine), RowKey(mine), "*", cancellationToken);
            return (reference, owner);
        }
        return null;
    }

    /// <summary>The payment a reference belongs to, or null.</summary>
    public async Task<string?> FindByReferenceAsync(string referenceId, CancellationToken cancellationToken) =>
        await _table.GetAsync(ReferencePartition(referenceId), RowKey(referenceId), cancellationToken) is { } row ? row.GetString("paymentId") : null;

    /// <summary>
    /// Records where the payment stands (a workflow effect): status, the open reference and attempt, the last event.
    /// A merge of the same values, so the workflow repeating the step writes the same row again.
    /// </summary>
    public async Task<bool> UpdateStatusAsync(string paymentId, string status, string reference, int attempt, string? eventJson, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (await GetAsync(paymentId, cancellationToken) is null) return false;
        var row = new TableRow(Partition(paymentId), RowKey(paymentId));
        row.Set("status", status);
        row.Set("currentReference", reference);
        row.Set("attempt", attempt);
        if (eventJson is not null) row.Set("lastEvent", eventJson);
        row.Set("updatedAt", now);
        await _table.UpdateAsync(row, "*", TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    /// <summary>One page of payments, newest first is not promised: in id order (ids are time-ordered), optionally of one status.</summary>
    public async Task<(IReadOnlyList<PaymentRecord> Items, TableContinuation? Continuation)> ListAsync(PaymentListQuery query, CancellationToken cancellationToken)
    {
        var filter = TableFilter.Equal(ItemType.PropertyName, ItemType.Payment);
        if (query.Status is { } status) filter += " and " + TableFilter.Equal("status", status);
        var items = new List<PaymentRecord>();
        var continuation = query.Continuation;
        do
        {
            var page = await _table.QueryAsync(new TableQuery { Filter = filter, Top = query.Limit - items.Count, Continuation = continuation }, cancellationToken);
            items.AddRange(page.Rows.Select(FromRow));
            continuation = page.Continuation;
        } while (continuation is not null && items.Count < query.Limit);
        return (items, continuation);
    }

    private static TableRow ToRow(PaymentRecord p)
    {
        var row = new TableRow(Partition(p.Id), RowKey(p.Id));
        row.Set(ItemType.PropertyName, ItemType.Payment);
        row.Set("paymentId", p.Id);
        row.Set("wabaId", p.WabaId);
        row.Set("phoneNumberId", p.PhoneNumberId);
        row.Set("to", p.To);
        row.Set("configurationName", p.ConfigurationName);
        row.Set("gateway", p.Gateway);
        row.Set("referenceId", p.ReferenceId);
        row.Set("currentReference", p.CurrentReference);
        row.Set("status", p.Status);
        row.Set("attempt", p.Attempt);
        row.Set("maxAttempts", p.MaxAttempts);
        row.Set("currency", "INR");
        row.Set("subtotal", p.Subtotal);
        row.Set("tax", p.Tax);
        row.Set("shipping", p.Shipping);
        row.Set("discount", p.Discount);
        row.Set("total", p.Total);
        row.Set("expiresInSeconds", p.ExpiresInSeconds);
        row.Set("reminderSeconds", p.ReminderSeconds);
        row.Set("workflowId", p.WorkflowId);
        row.Set("requestHash", p.RequestHash);
        row.Set("lastEvent", p.LastEventJson);
        row.Set("createdAt", p.CreatedAt);
        row.Set("updatedAt", p.UpdatedAt);
        return row;
    }

    private static PaymentRecord FromRow(TableRow r) => new(
        r.GetString("paymentId") ?? "",
        r.GetString("wabaId") ?? "",
        r.GetString("phoneNumberId") ?? "",
        r.GetString("to") ?? "",
        r.GetString("configurationName") ?? "",
        r.GetString("gateway") ?? "",
        r.GetString("referenceId") ?? "",
        r.GetString("currentReference") ?? r.GetString("referenceId") ?? "",
        r.GetString("status") ?? PaymentStatuses.Pending,
        r.GetInt32("attempt") ?? 1,
        r.GetInt32("maxAttempts") ?? 1,
        r.GetInt64("subtotal") ?? 0,
        r.GetInt64("tax") ?? 0,
        r.GetInt64("shipping"),
        r.GetInt64("discount"),
        r.GetInt64("total") ?? 0,
        r.GetInt32("expiresInSeconds") ?? 0,
        r.GetInt32("reminderSeconds") ?? 0,
        r.GetString("workflowId") ?? "",
        r.GetString("requestHash") ?? "",
        r.GetString("lastEvent"),
        r.GetDateTimeOffset("createdAt") ?? r.Timestamp ?? default,
        r.GetDateTimeOffset("updatedAt") ?? r.Timestamp ?? default);
}
