using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// MESSAGE rows in the <c>Messages</c> table. Each message is its own partition (<c>MSG|{id}</c>), which spreads
/// hot writes; a second row <c>WAMID|{wamid}</c> points from WhatsApp's id back to the hub's, for status updates
/// and look-ups by wamid.
/// </summary>
public sealed class MessageStore(TableService tables)
{
    private const string MessageRowKey = "MESSAGE";
    private const string WamidRowKey = "WAMID";

    private readonly ITableStore _table = tables.GetTable(HubTables.Messages);

    /// <summary>Stores a new message; returns its ETag. A second insert of the same id is refused, never overwritten.</summary>
    public async Task<string> InsertAsync(MessageRecord message, CancellationToken cancellationToken)
    {
        var row = MessageRows.ToRow(message, MessageKey(message.Id), MessageRowKey);
        if (!await _table.InsertIfAbsentAsync(row, cancellationToken))
            throw new InvalidOperationException($"Message {message.Id} already exists.");
        return row.ETag!;
    }

    /// <summary>Replaces the row if nobody changed it since <paramref name="etag"/>; returns the new ETag.</summary>
    public Task<string> UpdateAsync(MessageRecord message, string etag, CancellationToken cancellationToken) =>
        _table.UpdateAsync(MessageRows.ToRow(message, MessageKey(message.Id), MessageRowKey), etag, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Records that <paramref name="wamid"/> belongs to message <paramref name="messageId"/>.</summary>
    public async Task IndexWamidAsync(string wamid, string messageId, CancellationToken cancellationToken)
    {
        var row = new TableRow(StorageKey.Compose("WAMID", wamid), WamidRowKey);
        row.Set(ItemType.PropertyName, ItemType.Message);
        row.Set("messageId", messageId);
        await _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Finds a message by the hub's id or by its wamid.</summary>
    public async Task<(MessageRecord Message, string ETag)?> FindAsync(string idOrWamid, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(MessageKey(idOrWamid), MessageRowKey, cancellationToken);
        if (row is null && idOrWamid.StartsWith("wamid.", StringComparison.Ordinal))
        {
            var pointer = await _table.GetAsync(StorageKey.Compose("WAMID", idOrWamid), WamidRowKey, cancellationToken);
            if (pointer?.GetString("messageId") is { } messageId)
                row = await _table.GetAsync(MessageKey(messageId), MessageRowKey, cancellationToken);
        }
        return row is null ? null : (MessageRows.FromRow(row), row.ETag!);
    }

    private static string MessageKey(string id) => StorageKey.Compose("MSG", id);
}
