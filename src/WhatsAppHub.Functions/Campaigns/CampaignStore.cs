using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Campaign and recipient rows in the <c>Campaigns</c> table (<see cref="CampaignKeys"/>). The campaign row changes
/// only with <c>If-Match</c> on its ETag: the runner's cursor, the caller's pause, resume and cancel never overwrite
/// each other.
/// </summary>
public sealed class CampaignStore(TableService tables)
{
    /// <summary>Recipient blocks written at once while a campaign is created.</summary>
    private const int WriteParallelism = 8;

    private readonly ITableStore _table = tables.GetTable(HubTables.Campaigns);

    /// <summary>
    /// Writes the audience, 100 rows per transaction. Upserts, so a create retried after a lost answer writes the same
    /// rows again; nothing reads them before the campaign row exists.
    /// </summary>
    public Task WriteRecipientsAsync(string campaignId, IReadOnlyList<CampaignRecipient> recipients, CancellationToken cancellationToken)
    {
        var batches = recipients
            .GroupBy(r => r.Index / CampaignKeys.BlockSize)
            .SelectMany(block => block.Chunk(100))
            .ToList();
        return Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = WriteParallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await _table.SubmitBatchAsync(
                batch.Select(r => TableBatchAction.Upsert(ToRow(campaignId, r), TableUpdateMode.Replace)).ToList(), ct));
    }

    /// <summary>Stores a new campaign; false when its id exists (never, for a fresh id).</summary>
    public Task<bool> InsertAsync(Campaign campaign, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(campaign), cancellationToken);

    /// <summary>The campaign and its row's ETag, or null.</summary>
    public async Task<(Campaign Campaign, string ETag)?> GetAsync(string id, CancellationToken cancellationToken) =>
        await _table.GetAsync(CampaignKeys.CampaignPartition, id, cancellationToken) is { } row ? (FromRow(row), row.ETag ?? "*") : null;

    /// <summary>Replaces the campaign row while it still has <paramref name="etag"/>; the new ETag, or null when it changed meanwhile.</summary>
    public async Task<string?> TryUpdateAsync(Campaign campaign, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return await _table.UpdateAsync(ToRow(campaign), etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>One page of campaigns, oldest first (ids are time-ordered), optionally of one status.</summary>
    public async Task<(IReadOnlyList<Campaign> Items, TableContinuation? Continuation)> ListAsync(string? status, int limit,
        TableContinuation? continuation, CancellationToken cancellationToken)
    {
        var items = new List<Campaign>();
        do
        {
            var page = await _table.QueryAsync(new TableQuery
            {
                PartitionKey = CampaignKeys.CampaignPartition,
                Filter = status is null ? null : TableFilter.Equal("status", status),
                Top = limit - items.Count,
                Continuation = continuation,
            }, cancellationToken);
            items.AddRange(page.Rows.Select(FromRow));
            continuation = page.Continuation;
        } while (continuation is not null && items.Count < limit);
        return (items, continuation);
    }

    /// <summary>Recipients <paramref name="from"/> to <paramref name="to"/> (exclusive), all in one block: one partition query.</summary>
    public async Task<IReadOnlyList<CampaignRecipient>> RecipientsAsync(string campaignId, int from, int to, CancellationToken cancellationToken,
        string? state = null)
    {
        var range = TableFilter.Range("RowKey", CampaignKeys.RecipientRowKey(campaignId, from), CampaignKeys.RecipientRowKey(campaignId, to));
        var recipients = new List<CampaignRecipient>();
        TableContinuation? continuation = null;
        do
        {
            var page = await _table.QueryAsync(new TableQuery
            {
                PartitionKey = CampaignKeys.RecipientPartition(campaignId, from),
                Filter = state is null ? range : $"{range} and {TableFilter.Equal("state", state)}",
                Continuation = continuation,
            }, cancellationToken);
            recipients.AddRange(page.Rows.Select(RecipientFromRow));
            continuation = page.Continuation;
        } while (continuation is not null);
        return recipients;
    }

    /// <summary>One page of a campaign's recipients in audience order from <paramref name="from"/>, optionally of one state.</summary>
    public async Task<(IReadOnlyList<CampaignRecipient> Items, int? Next)> ListRecipientsAsync(string campaignId, int total, int from, string? state, int limit,
        CancellationToken cancellationToken)
    {
        var items = new List<CampaignRecipient>();
        // Block by block: each is one partition; a state filter is applied by the service, which scans the block.
        for (var start = from; start < total && items.Count < limit; start = CampaignKeys.BlockEnd(start))
        {
            var end = Math.Min(total, CampaignKeys.BlockEnd(start));
            var block = await RecipientsAsync(campaignId, start, end, cancellationToken, state);
            foreach (var recipient in block)
            {
                if (items.Count == limit) return (items, recipient.Index);
                items.Add(recipient);
            }
        }
        return (items, null);
    }

    /// <summary>Records how far recipients of one block got: one transaction of merges (a repeat writes the same values).</summary>
    public async Task MarkAsync(string campaignId, IReadOnlyList<CampaignRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (var batch in recipients.Chunk(100))
            await _table.SubmitBatchAsync(batch.Select(r => TableBatchAction.Upsert(StateRow(campaignId, r), TableUpdateMode.Merge)).ToList(), cancellationToken);
    }

    private static TableRow ToRow(string campaignId, CampaignRecipient r)
    {
        var row = StateRow(campaignId, r);
        row.Set("index", r.Index);
        row.Set("to", r.To);
        row.Set("values", r.ValuesJson);
        return row;
    }

    private static TableRow StateRow(string campaignId, CampaignRecipient r)
    {
        var row = new TableRow(CampaignKeys.RecipientPartition(campaignId, r.Index), CampaignKeys.RecipientRowKey(campaignId, r.Index));
        row.Set("state", r.State);
        row.Set("messageId", r.MessageId);
        row.Set("reason", r.Reason);
        row.Set("problemType", r.ProblemType);
        return row;
    }

    private static CampaignRecipient RecipientFromRow(TableRow r) => new(
        r.GetInt32("index") ?? 0,
        r.GetString("to") ?? string.Empty,
        r.GetString("values"),
        r.GetString("state") ?? RecipientStates.Pending,
        r.GetString("messageId"),
        r.GetString("reason"),
        r.GetString("problemType"));

    private static TableRow ToRow(Campaign c)
    {
        var row = new TableRow(CampaignKeys.CampaignPartition, c.Id);
        row.Set("campaignId", c.Id);
        row.Set("name", c.Name);
        row.Set("templateName", c.TemplateName);
        row.Set("templateLanguage", c.TemplateLanguage);
        row.Set("templateCategory", c.TemplateCategory);
        row.Set("phoneNumberId", c.PhoneNumberId);
        row.Set("source", c.Source);
        row.Set("startAt", c.StartAt);
        row.Set("ratePerSecond", c.RatePerSecond);
        row.Set("status", c.Status);
        row.Set("statusReason", c.StatusReason);
        row.Set("total", c.Total);
        row.Set("cursor", c.Cursor);
        row.Set("queued", c.Queued);
        row.Set("skippedSuppressed", c.SkippedSuppressed);
        row.Set("skippedInvalid", c.SkippedInvalid);
        row.Set("refused", c.Refused);
        row.Set("runId", c.RunId);
        row.Set("nextChunkAt", c.NextChunkAt);
        row.Set("createdAt", c.CreatedAt);
        row.Set("updatedAt", c.UpdatedAt);
        row.Set("startedAt", c.StartedAt);
        row.Set("endedAt", c.EndedAt);
        return row;
    }

    private static Campaign FromRow(TableRow r) => new(
        r.GetString("campaignId") ?? r.RowKey,
        r.GetString("name"),
        r.GetString("templateName") ?? string.Empty,
        r.GetString("templateLanguage") ?? string.Empty,
        r.GetString("templateCategory"),
        r.GetString("phoneNumberId") ?? string.Empty,
        r.GetString("source") ?? CampaignSources.Json,
        r.GetDateTimeOffset("startAt"),
        r.GetInt32("ratePerSecond") ?? 1,
        r.GetString("status") ?? CampaignStatuses.Running,
        r.GetString("statusReason"),
        r.GetInt32("total") ?? 0,
        r.GetInt32("cursor") ?? 0,
        r.GetInt32("queued") ?? 0,
        r.GetInt32("skippedSuppressed") ?? 0,
        r.GetInt32("skippedInvalid") ?? 0,
        r.GetInt32("refused") ?? 0,
        r.GetString("runId") ?? string.Empty,
        r.GetDateTimeOffset("nextChunkAt"),
        r.GetDateTimeOffset("createdAt") ?? r.Timestamp ?? DateTimeOffset.MinValue,
        r.GetDateTimeOffset("updatedAt") ?? r.Timestamp ?? DateTimeOffset.MinValue,
        r.GetDateTimeOffset("startedAt"),
        r.GetDateTimeOffset("endedAt"));
}
