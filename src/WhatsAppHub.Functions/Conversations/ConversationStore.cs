using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// CONVERSATION rows (<c>CONV|{phoneNumberId}|{waId}</c>, one per business number and contact) in the
/// <c>Conversations</c> table. The RowKey is the escaped waId: unique across the table, which keeps point reads cheap
/// on stores that index rows by RowKey (Azurite scans rows that share one). The inbound path records when a contact
/// last wrote (the send path reads it to enforce WhatsApp's 24-hour customer-service window), who they are, what was
/// said last and how much is unread; status webhooks record the business's sends. Every change is a read followed by
/// insert-if-absent or a replace with <c>If-Match</c>, retried on a race, and only moves times forward, so events
/// applied twice or out of order end in the same row.
/// </summary>
public sealed class ConversationStore(TableService tables)
{
    /// <summary>Message ids the row remembers as counted: retries come within seconds, far fewer messages apart.</summary>
    public const int CountedIds = 20;

    private readonly ITableStore _table = tables.GetTable(HubTables.Conversations);

    /// <summary>Moves <c>lastInboundAt</c> forward to <paramref name="at"/>; an older event changes nothing.</summary>
    /// <param name="waId">The contact's WhatsApp id (digits only, as <see cref="RecipientRules.ToWaId"/> gives).</param>
    public Task RecordInboundAsync(string phoneNumberId, string waId, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(phoneNumberId, waId, row => MoveInbound(row, at, null), cancellationToken);

    /// <summary>
    /// Records a message of the conversation: the window and contact name for inbound ones, <c>lastOutboundAt</c> for
    /// sent ones, and the last message shown in listings. <see cref="ConversationMessage.IsNew"/> says the message is
    /// not in the conversation's index yet (the index row is written after this): only then do the counts grow, and
    /// <c>countedIds</c> (the last <see cref="CountedIds"/> ids counted) keeps a retry between the two writes from
    /// counting it twice. A repeated webhook thus never counts twice, and a failed write never loses the count.
    /// </summary>
    public Task RecordMessageAsync(string phoneNumberId, string waId, ConversationMessage message, CancellationToken cancellationToken) =>
        ChangeAsync(phoneNumberId, waId, row =>
        {
            var changed = message.Direction == MessageDirection.Inbound
                ? MoveInbound(row, message.At, message.ContactName)
                : MoveForward(row, "lastOutboundAt", message.At);
            // The ids counted last: a retry after this update was stored (but before the index row was written)
            // finds its id here and counts nothing twice.
            var counted = (row.GetString("countedIds") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (message.IsNew && !counted.Contains(message.MessageId))
            {
                counted.Add(message.MessageId);
                row.Set("countedIds", string.Join(' ', counted.TakeLast(CountedIds)));
                row.Set("messageCount", (row.GetInt32("messageCount") ?? 0) + 1);
                // Unread: received messages newer than the newest one the business marked read.
                if (message.Direction == MessageDirection.Inbound && !(row.GetDateTimeOffset("readThroughAt") >= message.At))
                    row.Set("unreadCount", (row.GetInt32("unreadCount") ?? 0) + 1);
                changed = true;
            }
            if (!(row.GetDateTimeOffset("lastMessageAt") > message.At) && row.GetString("lastMessageId") != message.MessageId)
            {
                row.Set("lastMessageAt", message.At);
                row.Set("lastMessageId", message.MessageId);
                row.Set("lastDirection", message.Direction.ToString().ToLowerInvariant());
                row.Set("lastMessageType", message.Type);
                row.Set("lastMessagePreview", message.Preview);
                changed = true;
            }
            return changed;
        }, cancellationToken);

    /// <summary>The business read the contact's message of <paramref name="messageAt"/>: nothing is unread any more.</summary>
    public Task MarkReadAsync(string phoneNumberId, string waId, DateTimeOffset messageAt, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeAsync(phoneNumberId, waId, row =>
        {
            var changed = MoveForward(row, "readThroughAt", messageAt);
            if ((row.GetInt32("unreadCount") ?? 0) != 0) changed = true;
            if (!changed) return false;
            row.Set("unreadCount", 0);
            row.Set("lastReadAt", now);
            return true;
        }, cancellationToken);

    /// <summary>When the contact last wrote to this number, or null if never.</summary>
    public async Task<DateTimeOffset?> GetLastInboundAtAsync(string phoneNumberId, string waId, CancellationToken cancellationToken)
    {
        var row = await _table.GetAsync(Key(phoneNumberId, waId), RowKey(waId), cancellationToken);
        return row?.GetDateTimeOffset("lastInboundAt");
    }

    /// <summary>The conversation of this number and contact, or null.</summary>
    public async Task<ConversationView?> FindAsync(string phoneNumberId, string waId, CancellationToken cancellationToken) =>
        await _table.GetAsync(Key(phoneNumberId, waId), RowKey(waId), cancellationToken) is { } row ? ConversationView.From(row) : null;

    /// <summary>One page of conversations (of one number, or all), in key order: number, then contact.</summary>
    public async Task<(IReadOnlyList<ConversationView> Items, TableContinuation? Continuation)> ListAsync(ConversationListQuery query, CancellationToken cancellationToken)
    {
        var prefix = query.PhoneNumberId is { } number ? StorageKey.Compose("CONV", number) + StorageKey.Separator : "CONV" + StorageKey.Separator;
        var filter = $"PartitionKey ge {TableFilter.Quote(prefix)} and PartitionKey lt {TableFilter.Quote(prefix + "~")} and {TableFilter.Equal(ItemType.PropertyName, ItemType.Conversation)}";
        if (query.Since is { } since) filter += string.Create(CultureInfo.InvariantCulture, $" and lastMessageAt ge datetime'{since.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'");
        var page = await _table.QueryAsync(new TableQuery { Filter = filter, Top = query.Limit, Continuation = query.Continuation }, cancellationToken);
        return (page.Rows.Select(ConversationView.From).ToList(), page.Continuation);
    }

    /// <summary>Reads the row (or starts one), lets <paramref name="change"/> edit it, and stores it if it changed, retrying races.</summary>
    private async Task ChangeAsync(string phoneNumberId, string waId, Func<TableRow, bool> change, CancellationToken cancellationToken)
    {
        var key = Key(phoneNumberId, waId);
        while (true)
        {
            var row = await _table.GetAsync(key, RowKey(waId), cancellationToken);
            if (row is null)
            {
                var fresh = NewRow(key, phoneNumberId, waId);
                change(fresh);
                if (await _table.InsertIfAbsentAsync(fresh, cancellationToken)) return;
                continue; // someone else created it meanwhile: merge into theirs
            }
            if (!change(row)) return;
            try
            {
                await _table.UpdateAsync(row, row.ETag!, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (TableConcurrencyException)
            {
                // another event for this contact won the race; read again and apply to theirs
            }
        }
    }

    private static bool MoveInbound(TableRow row, DateTimeOffset at, string? contactName)
    {
        var newest = !(row.GetDateTimeOffset("lastInboundAt") >= at);
        if (newest)
        {
            row.Set("lastInboundAt", at);
            row.Set("windowEndsAt", at + ServiceWindow.Length);
        }
        // The profile name of the newest message wins (contacts rename themselves); an older one only fills a gap.
        if (contactName is not null && (newest || row.GetString("contactName") is null) && row.GetString("contactName") != contactName)
        {
            row.Set("contactName", contactName);
            return true;
        }
        return newest;
    }

    private static bool MoveForward(TableRow row, string name, DateTimeOffset at)
    {
        if (row.GetDateTimeOffset(name) >= at) return false;
        row.Set(name, at);
        return true;
    }

    private static TableRow NewRow(string key, string phoneNumberId, string waId)
    {
        var row = new TableRow(key, RowKey(waId));
        row.Set(ItemType.PropertyName, ItemType.Conversation);
        row.Set("phoneNumberId", PhoneNumberId.Normalize(phoneNumberId));
        row.Set("waId", waId);
        return row;
    }

    private static string Key(string phoneNumberId, string waId) =>
        StorageKey.Compose("CONV", PhoneNumberId.Normalize(phoneNumberId), waId);

    private static string RowKey(string waId) => StorageKey.Escape(waId);
}

/// <summary>A message as the CONVERSATION row sees it.</summary>
/// <param name="At">When it was written (inbound: its timestamp; outbound: when the hub accepted it).</param>
/// <param name="IsNew">Not in the conversation's message index yet: counts grow only then (once, see <c>countedIds</c>).</param>
public sealed record ConversationMessage(string MessageId, MessageDirection Direction, DateTimeOffset At, string Type, string? Preview, string? ContactName, bool IsNew);
