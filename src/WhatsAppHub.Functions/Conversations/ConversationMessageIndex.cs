using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// One index row per message of a conversation, <c>CONVMSG|{phoneNumberId}|{waId}</c> / <c>{descending time}|{id}</c>
/// in the Conversations table, so a contact's messages in both directions read newest first from one partition (MESSAGE
/// rows are partitioned by time and cannot be read per contact without a scan). The row holds only the id and
/// direction; listings read the MESSAGE rows for their current status. The time is fixed per message (inbound: its
/// timestamp; outbound: its creation), so writing the row again names the same row and insert-if-absent folds repeats.
/// It is written after the CONVERSATION row counted the message: a message already in the index is never counted again.
/// </summary>
public sealed class ConversationMessageIndex(TableService tables)
{
    private readonly ITableStore _table = tables.GetTable(HubTables.Conversations);

    /// <summary>True when the message is in its conversation already.</summary>
    public async Task<bool> ContainsAsync(string phoneNumberId, string waId, string messageId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _table.GetAsync(Partition(phoneNumberId, waId), RowKey(messageId, at), cancellationToken) is not null;

    /// <summary>Adds the message to its conversation; false when it is there already.</summary>
    public Task<bool> AddAsync(string phoneNumberId, string waId, string messageId, MessageDirection direction, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = new TableRow(Partition(phoneNumberId, waId), RowKey(messageId, at));
        row.Set(ItemType.PropertyName, ItemType.Message);
        row.Set("messageId", messageId);
        row.Set("direction", direction.ToString().ToLowerInvariant());
        row.Set("at", at);
        return _table.InsertIfAbsentAsync(row, cancellationToken);
    }

    /// <summary>One page of message ids of the conversation, newest first.</summary>
    public async Task<(IReadOnlyList<string> Ids, TableContinuation? Continuation)> ListAsync(string phoneNumberId, string waId, int limit, TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var page = await _table.QueryAsync(new TableQuery
        {
            Filter = TableFilter.Equal("PartitionKey", Partition(phoneNumberId, waId)),
            Top = limit,
            Continuation = continuation,
        }, cancellationToken);
        return (page.Rows.Select(r => r.GetString("messageId")).OfType<string>().ToList(), page.Continuation);
    }

    private static string RowKey(string messageId, DateTimeOffset at) => StorageKey.Compose(StorageKey.DescendingTimeKey(at), messageId);

    private static string Partition(string phoneNumberId, string waId) =>
        StorageKey.Compose("CONVMSG", PhoneNumberId.Normalize(phoneNumberId), waId);
}
