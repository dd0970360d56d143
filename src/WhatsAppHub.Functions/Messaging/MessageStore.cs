using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// MESSAGE rows in the <c>Messages</c> table, keyed by <see cref="MessageKeys"/>: messages accepted together share a
/// time-bucket partition, so the queued path stores, reads and updates them a batch at a time (entity group
/// transactions of up to 100 rows of one partition). A pointer row per sent or received message, in the
/// <c>MessageWamids</c> table, leads from WhatsApp's id back to the hub's, for status updates and look-ups by wamid.
/// The pointers have a table of their own because they are as many as the messages and never change: in Azurite every
/// update and query costs time in proportion to the rows of its table, and the MESSAGE rows are updated twice per send.
/// </summary>
public sealed class MessageStore(TableService tables)
{
    /// <summary>The most actions Table Storage takes in one entity group transaction.</summary>
    public const int MaxBatch = 100;

    private readonly ITableStore _table = tables.GetTable(HubTables.Messages);
    private readonly ITableStore _pointers = tables.GetTable(HubTables.MessageWamids);

    /// <summary>
    /// Stores a new message (with its MARKETING_MESSAGE or AUTH_MESSAGE row, in one transaction); false when a message
    /// with its id exists already (which is then left as it is).
    /// </summary>
    public async Task<bool> InsertIfAbsentAsync(MessageRecord message, CancellationToken cancellationToken) =>
        await InsertOneAsync(message, cancellationToken) is not null;

    /// <summary>The new MESSAGE row's ETag, or null when a message with its id exists already.</summary>
    private async Task<string?> InsertOneAsync(MessageRecord message, CancellationToken cancellationToken)
    {
        var rows = ToRows(message);
        if (rows.Count == 1) return await _table.InsertIfAbsentAsync(rows[0], cancellationToken) ? rows[0].ETag : null;
        try
        {
            return (await _table.SubmitBatchAsync(rows.Select(TableBatchAction.Insert).ToList(), cancellationToken))[0];
        }
        catch (TableBatchException e) when (e.Status == 409)
        {
            return null; // the rows are written together, so the message exists
        }
    }

    /// <summary>
    /// Stores new messages of ONE partition in as few transactions as hold their rows (a message and its side row are
    /// never split; <see cref="MaxBatch"/> rows each): all or none per transaction. A message whose row exists already
    /// is left as it is (as <see cref="InsertIfAbsentAsync"/> does) and the rest are stored.
    /// </summary>
    /// <returns>The ETag of each MESSAGE row stored here, by message id (not those left as they were).</returns>
    public async Task<IReadOnlyDictionary<string, string>> InsertAllAsync(IReadOnlyList<MessageRecord> messages, CancellationToken cancellationToken)
    {
        var chunks = new List<List<MessageRecord>>();
        var rows = 0;
        foreach (var message in messages)
        {
            var count = ToRows(message).Count;
            if (chunks.Count == 0 || rows + count > MaxBatch)
            {
                chunks.Add([]);
                rows = 0;
            }
            chunks[^1].Add(message);
            rows += count;
        }
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in await Task.WhenAll(chunks.Select(chunk => InsertChunkAsync(chunk, cancellationToken))))
            foreach (var (id, etag) in chunk) stored[id] = etag;
        return stored;
    }

    private async Task<List<(string Id, string ETag)>> InsertChunkAsync(List<MessageRecord> pending, CancellationToken cancellationToken)
    {
        while (pending.Count > 0)
        {
            if (pending.Count == 1) return await InsertOneAsync(pending[0], cancellationToken) is { } etag ? [(pending[0].Id, etag)] : [];
            // Which message each action belongs to, so a refused action names the message to leave out.
            var owners = new List<int>();
            var firsts = new List<int>(); // each message's MESSAGE row is its first action
            var actions = new List<TableBatchAction>();
            for (var i = 0; i < pending.Count; i++)
            {
                firsts.Add(actions.Count);
                foreach (var row in ToRows(pending[i]))
                {
                    actions.Add(TableBatchAction.Insert(row));
                    owners.Add(i);
                }
            }
            try
            {
                var etags = await _table.SubmitBatchAsync(actions, cancellationToken);
                return pending.Select((m, i) => (m.Id, etags[firsts[i]])).ToList();
            }
            catch (TableBatchException e) when (e.Status == 409 && e.FailedActionIndex is { } index && index < owners.Count)
            {
                pending.RemoveAt(owners[index]); // exists already (a repeat of an idempotent accept raced this one): keep it as it is
            }
            catch (TableBatchException e) when (e.Status == 409)
            {
                // The service did not say which row exists: insert one by one.
                var stored = new List<(string, string)>();
                foreach (var m in pending)
                    if (await InsertOneAsync(m, cancellationToken) is { } etag) stored.Add((m.Id, etag));
                return stored;
            }
        }
        return [];
    }

    /// <summary>
    /// The MARKETING_MESSAGE or AUTH_MESSAGE row of a message sent from a template of that category (a point read), or
    /// null: for <c>GET /api/messages/{id}</c>, which shows it with the message.
    /// </summary>
    public async Task<TableRow?> FindTemplateSendAsync(MessageRecord message, CancellationToken cancellationToken) =>
        TemplateSendRows.Suffix(message.Template?.Category) is { } suffix && message.Direction == MessageDirection.Outbound
            ? await _table.GetAsync(MessageKeys.MessagePartition(message.Id), MessageKeys.MessageRowKey(message.Id) + suffix, cancellationToken)
            : null;

    /// <summary>Replaces the row if nobody changed it since <paramref name="etag"/>; returns the new ETag.</summary>
    public Task<string> UpdateAsync(MessageRecord message, string etag, CancellationToken cancellationToken) =>
        _table.UpdateAsync(ToRow(message), etag, TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// Replaces each row if nobody changed it since its ETag, one transaction per partition and hundred rows. Returns the
    /// new ETag of each update, in order, or null where the row had changed (that row is left as it is). When a
    /// transaction is refused for one changed row, its rows are updated one by one, so the others still go through.
    /// </summary>
    public async Task<IReadOnlyList<string?>> TryUpdateAllAsync(IReadOnlyList<(MessageRecord Message, string ETag)> updates, CancellationToken cancellationToken)
    {
        var etags = new string?[updates.Count];
        var groups = Enumerable.Range(0, updates.Count)
            .GroupBy(i => MessageKeys.MessagePartition(updates[i].Message.Id))
            .SelectMany(g => g.Chunk(MaxBatch));
        await Task.WhenAll(groups.Select(async indexes =>
        {
            if (indexes.Length > 1)
            {
                try
                {
                    var actions = indexes.Select(i => TableBatchAction.Update(ToRow(updates[i].Message), updates[i].ETag, TableUpdateMode.Replace)).ToList();
                    var results = await _table.SubmitBatchAsync(actions, cancellationToken);
                    for (var k = 0; k < indexes.Length; k++) etags[indexes[k]] = results[k];
                    return;
                }
                catch (TableBatchException e) when (e.Status == 412)
                {
                    // one of them changed meanwhile: fall through to row-by-row
                }
            }
            foreach (var i in indexes)
            {
                try
                {
                    etags[i] = await UpdateAsync(updates[i].Message, updates[i].ETag, cancellationToken);
                }
                catch (TableConcurrencyException)
                {
                    etags[i] = null;
                }
            }
        }));
        return etags;
    }

    /// <summary>
    /// Records messages EUM accepted: each row moves to <c>sent</c> with its wamid (batched updates), then the wamid
    /// pointers are written (batched). The messages are out, so a storage hiccup here is retried rather than allowed to
    /// lose a wamid. Returns the messages this call moved to <c>sent</c> (not those a status webhook had moved on first),
    /// for the outcome counters.
    /// </summary>
    public async Task<IReadOnlyList<MessageRecord>> RecordAllSentAsync(IReadOnlyList<(MessageRecord Sent, string ETag)> sent, CancellationToken cancellationToken)
    {
        if (sent.Count == 0) return [];
        IReadOnlyList<string?> etags = [];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                etags = await TryUpdateAllAsync(sent, cancellationToken);
                break;
            }
            catch (StorageRequestException e) when (e is not TableConcurrencyException && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
        // A row that changed meanwhile was reached by a status webhook (reconciliation): keep the furthest state.
        var moved = new List<MessageRecord>(sent.Count);
        for (var i = 0; i < sent.Count; i++)
            if (etags[i] is not null || await RecordSentOverAsync(sent[i].Sent, cancellationToken)) moved.Add(sent[i].Sent);
        await IndexWamidsAsync(sent.Where(s => s.Sent.Wamid is not null).Select(s => (s.Sent.Wamid!, s.Sent.Id)).ToList(), cancellationToken);
        return moved;
    }

    /// <summary>True when the row moved to <c>sent</c> here (false: a status webhook had recorded the send first).</summary>
    private async Task<bool> RecordSentOverAsync(MessageRecord sent, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await FindAsync(sent.Id, cancellationToken) is not { } current)
                throw new InvalidOperationException($"Message {sent.Id} vanished while its send was recorded.");
            if (current.Message.Wamid is not null || current.Message.Status > MessageStatus.Sent) return false;
            try
            {
                await UpdateAsync(sent, current.ETag, cancellationToken);
                return current.Message.Status < MessageStatus.Sent;
            }
            catch (TableConcurrencyException)
            {
                // changed again: read once more
            }
        }
    }

    /// <summary>
    /// Stores a received message exactly once: its id comes from its wamid (<see cref="Core.Inbound.InboundMessageId"/>),
    /// so repeats of the webhook meet the row and change nothing; then its wamid pointer is inserted if absent. Should a
    /// repeat carry another timestamp (hence another id), the pointer already names the first row: the row just made
    /// is removed again. Returns the id of the stored message and whether this call created it.
    /// </summary>
    public async Task<(string Id, bool Created)> InsertInboundAsync(MessageRecord message, CancellationToken cancellationToken)
    {
        var created = await InsertIfAbsentAsync(message, cancellationToken);
        if (await _pointers.InsertIfAbsentAsync(PointerRow(message.Wamid!, message.Id), cancellationToken)) return (message.Id, created);
        if (await FindPointerAsync(message.Wamid!, cancellationToken) is not { } known || known == message.Id) return (message.Id, created);
        if (created) await _table.DeleteAsync(MessageKeys.MessagePartition(message.Id), MessageKeys.MessageRowKey(message.Id), "*", cancellationToken);
        return (known, false);
    }

    /// <summary>Records that <paramref name="wamid"/> belongs to message <paramref name="messageId"/>.</summary>
    public Task IndexWamidAsync(string wamid, string messageId, CancellationToken cancellationToken) =>
        IndexWamidsAsync([(wamid, messageId)], cancellationToken);

    /// <summary>Upserts wamid pointers, one transaction per pointer partition and hundred pointers; retried on storage hiccups.</summary>
    public async Task IndexWamidsAsync(IReadOnlyList<(string Wamid, string MessageId)> pointers, CancellationToken cancellationToken)
    {
        var groups = pointers.DistinctBy(p => p.Wamid).GroupBy(p => MessageKeys.WamidPartition(p.Wamid)).SelectMany(g => g.Chunk(MaxBatch));
        await Task.WhenAll(groups.Select(async group =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (group.Length == 1) await _pointers.UpsertAsync(PointerRow(group[0].Wamid, group[0].MessageId), TableUpdateMode.Replace, cancellationToken);
                    else await _pointers.SubmitBatchAsync(group.Select(p => TableBatchAction.Upsert(PointerRow(p.Wamid, p.MessageId), TableUpdateMode.Replace)).ToList(), cancellationToken);
                    return;
                }
                catch (StorageRequestException) when (attempt < 5)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
                }
            }
        }));
    }

    /// <summary>Finds a message by the hub's id or by its wamid.</summary>
    public async Task<(MessageRecord Message, string ETag)?> FindAsync(string idOrWamid, CancellationToken cancellationToken)
    {
        if (!MessageKeys.FitsKey(idOrWamid)) return null; // no row can have a key that long: the store would refuse the read
        TableRow? row;
        if (idOrWamid.StartsWith("wamid.", StringComparison.Ordinal))
        {
            row = await FindPointerAsync(idOrWamid, cancellationToken) is { } messageId ? await GetRowAsync(messageId, cancellationToken) : null;
        }
        else
        {
            row = await GetRowAsync(idOrWamid, cancellationToken);
        }
        return row is null ? null : (MessageRows.FromRow(row), row.ETag!);
    }

    /// <summary>
    /// The messages with these ids (those that exist), read with one query per partition and run of ids made close
    /// together: ids of one accept batch share a partition and lie within milliseconds, so a RowKey range covers them
    /// without reading many other rows. A lone id is a point read.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, (MessageRecord Message, string ETag)>> FindAllAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var runs = wanted.GroupBy(MessageKeys.MessagePartition).SelectMany(g => MessageKeys.Runs(g.Select(MessageKeys.MessageRowKey)).Select(run => (Partition: g.Key, Keys: run)));
        var pages = await Task.WhenAll(runs.Select(async run =>
        {
            if (run.Keys.Count == 1)
                return await _table.GetAsync(run.Partition, run.Keys[0], cancellationToken) is { } single ? [single] : new List<TableRow>();
            var query = new TableQuery
            {
                Filter = $"{TableFilter.Equal("PartitionKey", run.Partition)} and RowKey ge {TableFilter.Quote(run.Keys[0])} and RowKey le {TableFilter.Quote(run.Keys[^1])}",
                Top = 1000,
            };
            var rows = new List<TableRow>();
            while (true)
            {
                var page = await _table.QueryAsync(query, cancellationToken);
                rows.AddRange(page.Rows);
                if (page.Continuation is null) return rows;
                query = new TableQuery { Filter = query.Filter, Top = query.Top, Continuation = page.Continuation };
            }
        }));
        var found = new Dictionary<string, (MessageRecord, string)>(StringComparer.Ordinal);
        foreach (var row in pages.SelectMany(p => p))
        {
            // A RowKey range over ids also holds the MARKETING_MESSAGE / AUTH_MESSAGE rows of the ids in it.
            if (row.GetString(ItemType.PropertyName) != ItemType.Message) continue;
            var message = MessageRows.FromRow(row);
            if (wanted.Contains(message.Id)) found[message.Id] = (message, row.ETag!);
        }
        return found;
    }

    /// <summary>One page of messages matching <paramref name="query"/>, oldest first.</summary>
    public async Task<(IReadOnlyList<MessageRecord> Messages, TableContinuation? Continuation)> ListAsync(MessageListQuery query, CancellationToken cancellationToken)
    {
        var page = await _table.QueryAsync(query.ToTableQuery(), cancellationToken);
        return (page.Rows.Select(MessageRows.FromRow).ToList(), page.Continuation);
    }

    /// <summary>
    /// The hub id a wamid points to, or null. Pointers written before they had their own table are in the Messages
    /// table under the same keys, so that is where a wamid not found is looked for next.
    /// </summary>
    private async Task<string?> FindPointerAsync(string wamid, CancellationToken cancellationToken)
    {
        var (partition, rowKey) = (MessageKeys.WamidPartition(wamid), MessageKeys.WamidRowKey(wamid));
        var pointer = await _pointers.GetAsync(partition, rowKey, cancellationToken) ?? await _table.GetAsync(partition, rowKey, cancellationToken);
        return pointer?.GetString("messageId");
    }

    private Task<TableRow?> GetRowAsync(string id, CancellationToken cancellationToken) =>
        _table.GetAsync(MessageKeys.MessagePartition(id), MessageKeys.MessageRowKey(id), cancellationToken);

    private static TableRow ToRow(MessageRecord message) =>
        MessageRows.ToRow(message, MessageKeys.MessagePartition(message.Id), MessageKeys.MessageRowKey(message.Id));

    /// <summary>The rows a new message is stored as: its MESSAGE row, and a template send's side row (<see cref="TemplateSendRows"/>).</summary>
    private static List<TableRow> ToRows(MessageRecord message)
    {
        var partition = MessageKeys.MessagePartition(message.Id);
        var rowKey = MessageKeys.MessageRowKey(message.Id);
        var rows = new List<TableRow> { MessageRows.ToRow(message, partition, rowKey) };
        if (TemplateSendRows.For(message, partition, rowKey) is { } side) rows.Add(side);
        return rows;
    }

    private static TableRow PointerRow(string wamid, string messageId)
    {
        var row = new TableRow(MessageKeys.WamidPartition(wamid), MessageKeys.WamidRowKey(wamid));
        row.Set(ItemType.PropertyName, ItemType.Message);
        row.Set("messageId", messageId);
        return row;
    }
}
