using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Workflows.Welcome;

/// <summary>
/// WELCOME_SEQUENCE rows in the <c>Workflows</c> table: <c>WELCOME_SEQUENCE|{waba}</c> / <c>{name}</c>, the sequence
/// as JSON in <c>definition</c> parts. An account has few sequences, so its partition is read whole to match a referral.
/// </summary>
public sealed class WelcomeSequenceStore(TableService tables)
{
    private const int MaxDefinitionParts = 8;

    private readonly ITableStore _table = tables.GetTable(HubTables.Workflows);

    public static string Partition(string wabaId) => StorageKey.Compose("WELCOME_SEQUENCE", wabaId);

    public async Task<StoredWelcomeSequence?> GetAsync(string wabaId, string name, CancellationToken cancellationToken) =>
        WelcomeSequenceRules.IsName(name) && await _table.GetAsync(Partition(wabaId), StorageKey.Escape(name), cancellationToken) is { } row
            ? FromRow(row)
            : null;

    /// <summary>All of an account's sequences, by name.</summary>
    public async Task<IReadOnlyList<StoredWelcomeSequence>> ListAsync(string wabaId, CancellationToken cancellationToken)
    {
        var rows = await _table.QueryAllAsync(new TableQuery { PartitionKey = Partition(wabaId) }, cancellationToken);
        return rows.Select(FromRow).OfType<StoredWelcomeSequence>().ToList();
    }

    /// <summary>False when a sequence of that name exists.</summary>
    public Task<bool> InsertAsync(string wabaId, WelcomeSequence sequence, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(wabaId, sequence, now, now), cancellationToken);

    /// <summary>Replaces the sequence read with <paramref name="etag"/>; false when it changed or vanished meanwhile.</summary>
    public async Task<bool> ReplaceAsync(string wabaId, WelcomeSequence sequence, DateTimeOffset createdAt, DateTimeOffset now, string etag,
        CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateAsync(ToRow(wabaId, sequence, createdAt, now), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (TableConcurrencyException)
        {
            return false;
        }
        catch (WhatsAppHub.Azure.Storage.StorageRequestException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public Task<bool> DeleteAsync(string wabaId, string name, CancellationToken cancellationToken) =>
        _table.DeleteAsync(Partition(wabaId), StorageKey.Escape(name), "*", cancellationToken);

    private static TableRow ToRow(string wabaId, WelcomeSequence sequence, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var row = new TableRow(Partition(wabaId), StorageKey.Escape(sequence.Name));
        row.Set(ItemType.PropertyName, ItemType.WelcomeSequence);
        row.Set("wabaId", wabaId);
        row.Set("name", sequence.Name);
        row.Set("isDefault", sequence.IsDefault);
        row.Set("adSourceIds", string.Join(",", sequence.AdSourceIds));
        row.Set("steps", sequence.Steps.Count);
        row.Set("onReply", sequence.OnReply);
        TextParts.Set(row, "definition", sequence.ToJson().ToJsonString(), MaxDefinitionParts);
        row.Set("createdAt", createdAt);
        row.Set("updatedAt", now);
        return row;
    }

    /// <summary>The stored sequence; null for a row whose definition no longer reads (trimmed), which then matches nothing.</summary>
    private static StoredWelcomeSequence? FromRow(TableRow row)
    {
        var (text, truncated) = TextParts.Get(row, "definition");
        if (truncated) return null;
        var (sequence, _) = WelcomeSequenceRules.Read(System.Text.Encoding.UTF8.GetBytes(WithoutNulls(text)), null);
        return sequence is null
            ? null
            : new StoredWelcomeSequence(row.GetString("wabaId") ?? "", sequence, row.GetDateTimeOffset("createdAt") ?? default,
                row.GetDateTimeOffset("updatedAt") ?? default, row.ETag);
    }

    /// <summary>The stored JSON writes absent members as null; the rules read the body form, where they are left out.</summary>
    private static string WithoutNulls(string text)
    {
        if (JsonNode.Parse(text) is not JsonObject json) return text;
        foreach (var name in json.Where(p => p.Value is null).Select(p => p.Key).ToList()) json.Remove(name);
        if (json["replySteps"] is JsonArray { Count: 0 }) json.Remove("replySteps");
        return json.ToJsonString();
    }
}

public sealed record StoredWelcomeSequence(string WabaId, WelcomeSequence Sequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? ETag);
