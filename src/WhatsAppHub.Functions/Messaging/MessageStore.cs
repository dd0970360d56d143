using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Azure.Storage;
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

    /// <summary>Stores a new message; false when a message with its id exists already (which is then left as it is).</summary>
    public Task<bool> InsertIfAbsentAsync(MessageRecord message, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(MessageRows.ToRow(message, MessageKey(message.Id), MessageRowKey), cancellationToken);

    /// <summary>Replaces the row if nobody changed it since <paramref name="etag"/>; returns the new ETag.</summary>
    public Task<string> UpdateAsync(MessageRecord message, string etag, CancellationToken cancellationToken) =>
        _table.UpdateAsync(MessageRows.ToRow(message, MessageKey(message.Id), MessageRowKey), etag, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Records a message EUM accepted: the row moves to <c>sent</c> with its wamid, and the wamid pointer is written.
    /// The message is out, so a storage hiccup here is retried rather than allowed to lose the wamid.
    /// </summary>
    public async Task RecordSentAsync(MessageRecord sent, string etag, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpdateAsync(sent, etag, cancellationToken);
                if (sent.Wamid is { } wamid) await IndexWamidAsync(wamid, sent.Id, cancellationToken);
                return;
            }
            catch (TableConcurrencyException)
            {
                // A status webhook got there first (reconciliation): keep the furthest state, add what it lacks.
                if (await FindAsync(sent.Id, cancellationToken) is not { } current) throw;
                if (current.Message.Wamid is not null || current.Message.Status > MessageStatus.Sent)
                {
                    if (sent.Wamid is { } wamid) await IndexWamidAsync(wamid, sent.Id, cancellationToken);
                    return;
                }
                etag = current.ETag;
            }
            catch (StorageRequestException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

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

    /// <summary>One page of messages matching <paramref name="query"/>, oldest first.</summary>
    public async Task<(IReadOnlyList<MessageRecord> Messages, TableContinuation? Continuation)> ListAsync(MessageListQuery query, CancellationToken cancellationToken)
    {
        var page = await _table.QueryAsync(query.ToTableQuery(), cancellationToken);
        return (page.Rows.Select(MessageRows.FromRow).ToList(), page.Continuation);
    }

    private static string MessageKey(string id) => StorageKey.Compose("MSG", id);
}
