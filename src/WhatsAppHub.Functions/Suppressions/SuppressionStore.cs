using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Core.Suppressions;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Suppressions;

/// <summary>
/// Suppression rows in the <c>Suppressions</c> table: one partition per contact, <c>SUPP|{waId}</c>, and one row per
/// number and source, <c>{waId}|{phoneNumberId or all}|{business or user}</c>. The question campaigns ask for every
/// recipient ("may this number send this category to this contact?") is then one query of a partition of at most a
/// few rows, and the business's and the contact's entries never overwrite each other.
/// </summary>
public sealed class SuppressionStore(TableService tables)
{
    /// <summary>The scope of an entry that applies to every number.</summary>
    public const string AllNumbers = "all";

    /// <summary>Recipients checked at once by <see cref="SuppressedAmongAsync"/>.</summary>
    private const int CheckParallelism = 16;

    /// <summary>Compare-and-swap rounds before a write gives up (only concurrent writers of one row cause a round).</summary>
    private const int MaxAttempts = 5;

    private readonly ITableStore _table = tables.GetTable(HubTables.Suppressions);

    public static string PartitionKey(string waId) => StorageKey.Compose("SUPP", waId);

    /// <summary>Starts with the wa_id, so RowKeys are unique across the table (see docs/data-model.md, key rules).</summary>
    public static string RowKey(string waId, string? phoneNumberId, string source) =>
        $"{StorageKey.Escape(waId)}{StorageKey.Separator}{StorageKey.Escape(phoneNumberId ?? AllNumbers)}{StorageKey.Separator}{source}";

    /// <summary>
    /// Adds or replaces the business's entry; true when it is new. Repeating a request leaves the same entry (its
    /// categories and reason are the latest request's, its <c>createdAt</c> the first's).
    /// </summary>
    public async Task<(Suppression Suppression, bool Created)> SetBusinessAsync(NewSuppression entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var suppression = new Suppression(entry.WaId, entry.PhoneNumberId, SuppressionSources.Business, entry.Categories, entry.Reason, true, now, now);
        if (await _table.InsertIfAbsentAsync(ToRow(suppression), cancellationToken)) return (suppression, true);
        var existing = await _table.GetAsync(PartitionKey(entry.WaId), RowKey(entry.WaId, entry.PhoneNumberId, SuppressionSources.Business), cancellationToken);
        if (existing is not null) suppression = suppression with { CreatedAt = FromRow(existing).CreatedAt };
        // Last writer wins: the business's own requests are the only writers of this row.
        await _table.UpsertAsync(ToRow(suppression), TableUpdateMode.Replace, cancellationToken);
        return (suppression, false);
    }

    /// <summary>
    /// Applies a contact's <c>stop</c> or <c>resume</c> to their entry for <paramref name="phoneNumberId"/> unless the
    /// entry already holds a later (or the same) event, so redeliveries and out-of-order webhooks end in the latest
    /// state. A <c>resume</c> keeps the row (inactive) to remember its time. Two events of the same second: <c>stop</c>
    /// wins, because sending to someone who may have opted out is the costlier mistake. True when the row changed.
    /// </summary>
    public async Task<bool> ApplyUserPreferenceAsync(string? phoneNumberId, string waId, UserPreference preference, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var stop = preference.Value == UserPreferences.Stop;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await _table.GetAsync(PartitionKey(waId), RowKey(waId, phoneNumberId, SuppressionSources.User), cancellationToken);
            var current = existing is null ? null : FromRow(existing);
            if (current?.EventAt is { } at && (at > preference.At || (at == preference.At && (current.Event == preference.Value || current.Event == UserPreferences.Stop))))
                return false;
            var suppression = new Suppression(waId, phoneNumberId, SuppressionSources.User, [SuppressionCategories.Marketing], preference.Detail, stop,
                current?.CreatedAt ?? now, now, preference.Value, preference.At);
            var row = ToRow(suppression);
            if (existing is null)
            {
                if (await _table.InsertIfAbsentAsync(row, cancellationToken)) return true;
                continue; // another delivery wrote it first: compare with theirs
            }
            try
            {
                await _table.UpdateAsync(row, existing.ETag ?? "*", TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (TableConcurrencyException)
            {
                // changed meanwhile: read again and compare times
            }
        }
        throw new InvalidOperationException($"The suppression row of a contact changed {MaxAttempts} times while a preference was applied; the event will be retried.");
    }

    /// <summary>Every entry of a contact, active or not, business first.</summary>
    public async Task<IReadOnlyList<Suppression>> FindAsync(string waId, CancellationToken cancellationToken)
    {
        var rows = await _table.QueryAllAsync(new TableQuery { PartitionKey = PartitionKey(waId) }, cancellationToken);
        return rows.Select(FromRow).ToList();
    }

    /// <summary>True when <paramref name="phoneNumberId"/> must not send a <paramref name="category"/> template to the contact.</summary>
    public async Task<bool> IsSuppressedAsync(string phoneNumberId, string waId, string category, CancellationToken cancellationToken) =>
        (await FindAsync(waId, cancellationToken)).Any(s => s.Blocks(phoneNumberId, category));

    /// <summary>The wa_ids among <paramref name="waIds"/> that are suppressed: one partition query each, 16 at a time.</summary>
    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(string phoneNumberId, IEnumerable<string> waIds, string category,
        CancellationToken cancellationToken)
    {
        var suppressed = new HashSet<string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(waIds.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = CheckParallelism, CancellationToken = cancellationToken }, async (waId, ct) =>
            {
                if (await IsSuppressedAsync(phoneNumberId, waId, category, ct))
                    lock (suppressed) suppressed.Add(waId);
            });
        return suppressed;
    }

    /// <summary>
    /// Removes the business's entries of a contact: the one for <paramref name="phoneNumberId"/>, or all of them when
    /// null. The contact's own entry is never touched. Returns how many were removed.
    /// </summary>
    public async Task<int> DeleteBusinessAsync(string waId, string? phoneNumberId, CancellationToken cancellationToken)
    {
        if (phoneNumberId is not null)
            return await _table.DeleteAsync(PartitionKey(waId), RowKey(waId, phoneNumberId, SuppressionSources.Business), ct: cancellationToken) ? 1 : 0;
        var removed = 0;
        foreach (var entry in (await FindAsync(waId, cancellationToken)).Where(s => s.Source == SuppressionSources.Business))
            if (await _table.DeleteAsync(PartitionKey(waId), RowKey(waId, entry.PhoneNumberId, entry.Source), ct: cancellationToken)) removed++;
        return removed;
    }

    /// <summary>
    /// One page of active entries in wa_id order: a scan of the table (it holds nothing else) filtered by source and by
    /// number (a number's page includes the entries for every number). Pages the service cuts short are followed
    /// until <paramref name="limit"/> rows are found.
    /// </summary>
    public async Task<(IReadOnlyList<Suppression> Items, TableContinuation? Continuation)> ListAsync(SuppressionListQuery query,
        CancellationToken cancellationToken)
    {
        var filter = "active eq true";
        if (query.Source is { } source) filter += " and " + TableFilter.Equal("source", source);
        if (query.PhoneNumberId is { } number)
            filter += $" and ({TableFilter.Equal("scope", number)} or {TableFilter.Equal("scope", AllNumbers)})";
        var (rows, continuation) = await _table.QueryUpToAsync(new TableQuery { Filter = filter, Continuation = query.Continuation }, query.Limit, cancellationToken);
        return (rows.Select(FromRow).ToList(), continuation);
    }

    private static TableRow ToRow(Suppression s)
    {
        var row = new TableRow(PartitionKey(s.WaId), RowKey(s.WaId, s.PhoneNumberId, s.Source));
        row.Set("waId", s.WaId);
        row.Set("phoneNumberId", s.PhoneNumberId);
        row.Set("scope", s.PhoneNumberId ?? AllNumbers);
        row.Set("source", s.Source);
        row.Set("categories", string.Join(',', s.Categories));
        row.Set("reason", s.Reason);
        row.Set("active", s.Active);
        row.Set("createdAt", s.CreatedAt);
        row.Set("updatedAt", s.UpdatedAt);
        row.Set("event", s.Event);
        row.Set("eventAt", s.EventAt);
        return row;
    }

    private static Suppression FromRow(TableRow r) => new(
        r.GetString("waId") ?? string.Empty,
        r.GetString("phoneNumberId"),
        r.GetString("source") ?? SuppressionSources.Business,
        (r.GetString("categories") ?? SuppressionCategories.Marketing).Split(',', StringSplitOptions.RemoveEmptyEntries),
        r.GetString("reason"),
        r.GetBoolean("active") ?? true,
        r.GetDateTimeOffset("createdAt") ?? r.Timestamp ?? DateTimeOffset.MinValue,
        r.GetDateTimeOffset("updatedAt") ?? r.Timestamp ?? DateTimeOffset.MinValue,
        r.GetString("event"),
        r.GetDateTimeOffset("eventAt"));
}
