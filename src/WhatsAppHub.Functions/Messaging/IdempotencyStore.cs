using System.Security.Cryptography;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// <c>Idempotency-Key</c> records (<c>IDEM|{key}</c> in the Messages table): the first request with a key claims it for
/// a message id and the SHA-256 of its route and body; a repeat with the same body gets the same message back, a
/// repeat with another body is a conflict.
/// </summary>
public sealed class IdempotencyStore(TableService tables)
{
    public const int MaxKeyLength = 255;

    private readonly ITableStore _table = tables.GetTable(HubTables.Messages);

    public enum Outcome { Claimed, Repeat, Conflict }

    /// <summary>Claims <paramref name="key"/> for <paramref name="newMessageId"/>, or returns the message id that holds it.</summary>
    public async Task<(Outcome Outcome, string MessageId)> ClaimAsync(string key, string route, ReadOnlyMemory<byte> body, string newMessageId, CancellationToken cancellationToken)
    {
        var hash = Hash(route, body.Span);
        var partition = StorageKey.Compose("IDEM", key);
        // The RowKey is the escaped key too: unique across the table, so a point read never scans rows sharing a RowKey.
        var rowKey = StorageKey.Escape(key);
        var row = new TableRow(partition, rowKey);
        row.Set("messageId", newMessageId);
        row.Set("requestHash", hash);
        row.Set("createdAt", DateTimeOffset.UtcNow);
        if (await _table.InsertIfAbsentAsync(row, cancellationToken)) return (Outcome.Claimed, newMessageId);

        var existing = await _table.GetAsync(partition, rowKey, cancellationToken)
                       ?? throw new InvalidOperationException("An idempotency record vanished while it was read.");
        var messageId = existing.GetString("messageId") ?? newMessageId;
        // The same id back means a storage retry met this request's own insert: still this request's claim.
        if (messageId == newMessageId) return (Outcome.Claimed, messageId);
        return existing.GetString("requestHash") == hash ? (Outcome.Repeat, messageId) : (Outcome.Conflict, messageId);
    }

    /// <summary>Printable ASCII, 1-255 characters (what HTTP headers carry safely).</summary>
    public static bool IsValidKey(string key) => key.Length is >= 1 and <= MaxKeyLength && key.All(c => c is >= ' ' and <= '~');

    private static string Hash(string route, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(route + "\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
