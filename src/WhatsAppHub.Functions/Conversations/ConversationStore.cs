using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// CONVERSATION rows (<c>CONV|{phoneNumberId}|{waId}</c>, one per business number and contact) in the
/// <c>Conversations</c> table. The RowKey is the escaped waId: unique across the table, which keeps point reads cheap
/// on stores that index rows by RowKey (Azurite scans rows that share one). The inbound path records when a contact last wrote; the send path reads it to
/// enforce WhatsApp's 24-hour customer-service window.
/// </summary>
public sealed class ConversationStore(TableService tables)
{
    private readonly ITableStore _table = tables.GetTable(HubTables.Conversations);

    /// <summary>Moves <c>lastInboundAt</c> forward to <paramref name="at"/>; an older event changes nothing.</summary>
    /// <param name="waId">The contact's WhatsApp id (digits only, as <see cref="RecipientRules.ToWaId"/> gives).</param>
    public async Task RecordInboundAsync(string phoneNumberId, string waId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = Key(phoneNumberId, waId);
        while (true)
        {
            var row = await _table.GetAsync(key, RowKey(waId), cancellationToken);
            if (row is null)
            {
                if (await _table.InsertIfAbsentAsync(NewRow(key, phoneNumberId, waId, at), cancellationToken)) return;
                continue; // someone else created it meanwhile: merge into theirs
            }
            if (row.GetDateTimeOffset("lastInboundAt") is { } last && last >= at) return;
            row.Set("lastInboundAt", at);
            try
            {
                await _table.UpdateAsync(row, row.ETag!, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (TableConcurrencyException)
            {
                // another event for this contact won the race; read again and compare
            }
        }
    }

    /// <summary>When the contact last wrote to this number, or null if never.</summary>
    public async Task<DateTimeOffset?> GetLastInboundAtAsync(string phoneNumberId, string waId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(Key(phoneNumberId, waId), RowKey(waId), cancellationToken);
        return row?.GetDateTimeOffset("lastInboundAt");
    }

    private static TableRow NewRow(string key, string phoneNumberId, string waId, DateTimeOffset at)
    {
        var row = new TableRow(key, RowKey(waId));
        row.Set(ItemType.PropertyName, ItemType.Conversation);
        row.Set("phoneNumberId", PhoneNumberId.Normalize(phoneNumberId));
        row.Set("waId", waId);
        row.Set("lastInboundAt", at);
        return row;
    }

    private static string Key(string phoneNumberId, string waId) =>
        StorageKey.Compose("CONV", PhoneNumberId.Normalize(phoneNumberId), waId);

    private static string RowKey(string waId) => StorageKey.Escape(waId);
}
