using System.Globalization;
using System.Text.Json;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// MESSAGE_STATUS rows: every status webhook, kept in the Messages table next to the MESSAGE row it is about, so the
/// row's single current status (which only moves forward) does not hide what happened when (a late <c>delivered</c>,
/// the pricing of each step, Meta's errors). One partition per message, <c>STATUS|{hub id}</c>, or per wamid,
/// <c>STATUS|{wamid}</c>, for statuses about messages the hub does not know (sent by another client of the same
/// number, or rows deleted): kept rather than dropped, readable by wamid. The RowKey is the status time in Unix
/// milliseconds, the status's rank and name, so a partition reads oldest first and a repeated webhook (same status,
/// same time) folds into the same row by insert-if-absent.
/// </summary>
public sealed class MessageStatusHistory(TableService tables)
{
    /// <summary>Most history rows one listing returns; a message has a handful.</summary>
    public const int MaxRows = 1000;

    private readonly ITableStore _table = tables.GetTable(HubTables.Messages);

    /// <summary>Appends the status; false when the same status at the same time was recorded already.</summary>
    /// <param name="messageId">The hub's id, or null when no message of this hub has the wamid.</param>
    public Task<bool> AppendAsync(string? messageId, StatusUpdate update, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(messageId, update, receivedAt), cancellationToken);

    /// <summary>The history of a message, oldest first: the rows under its id and those that arrived under its wamid before the hub knew it.</summary>
    public async Task<IReadOnlyList<MessageStatusView>> ListAsync(string? messageId, string? wamid, CancellationToken cancellationToken)
    {
        var keys = new[] { messageId, wamid }.OfType<string>().Where(MessageKeys.FitsKey).Distinct().Select(Partition);
        var pages = await Task.WhenAll(keys.Select(async key =>
        {
            var page = await _table.QueryAsync(new TableQuery { Filter = TableFilter.Equal("PartitionKey", key), Top = MaxRows }, cancellationToken);
            return page.Rows;
        }));
        return pages.SelectMany(p => p).OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(MessageStatusView.From).ToList();
    }

    private static string Partition(string idOrWamid) => StorageKey.Compose("STATUS", idOrWamid);

    private static TableRow ToRow(string? messageId, StatusUpdate update, DateTimeOffset receivedAt)
    {
        var at = update.Timestamp ?? receivedAt;
        var rank = MessageStatusRules.TryParse(update.Status, out var known) && !int.TryParse(update.Status, out _) ? (int)known : 99;
        var rowKey = StorageKey.Compose(
            Math.Max(0, at.ToUnixTimeMilliseconds()).ToString("D13", CultureInfo.InvariantCulture),
            rank.ToString("D2", CultureInfo.InvariantCulture),
            update.Status.Length > 40 ? update.Status[..40] : update.Status);
        var row = new TableRow(Partition(messageId ?? update.Wamid), rowKey);
        row.Set(ItemType.PropertyName, ItemType.MessageStatus);
        row.Set("messageId", messageId);
        row.Set("wamid", update.Wamid);
        row.Set("status", Short(update.Status));
        row.Set("timestamp", at);
        row.Set("receivedAt", receivedAt);
        row.Set("recipientId", Short(update.RecipientId));
        row.Set("recipientType", Short(update.RecipientType));
        row.Set("recipientParticipantId", Short(update.RecipientParticipantId));
        if (update.Pricing is { } p)
        {
            row.Set("pricingBillable", p.Billable);
            row.Set("pricingModel", Short(p.PricingModel));
            row.Set("pricingType", Short(p.Type));
            row.Set("pricingCategory", Short(p.Category));
        }
        if (update.Conversation is { } c)
        {
            row.Set("conversationId", Short(c.Id));
            row.Set("conversationExpiresAt", c.ExpiresAt);
            row.Set("conversationOrigin", Short(c.OriginType));
        }
        if (update.Errors.Count > 0)
            row.Set("errors", Truncate(JsonSerializer.Serialize(update.Errors.Select(e => new StatusErrorView(e.Code, e.Title, e.Details, e.Href)), MessageStatusView.Json)));
        return row;
    }

    /// <summary>Meta's values are short ids and words; a webhook nobody checked may carry more than a property holds.</summary>
    private static string? Short(string? value) => value is { Length: > 1024 } ? value[..1024] : value;

    // Meta's error list is a few short lines; a hostile one longer than a property holds keeps its valid start.
    private static string Truncate(string json) => json.Length <= TableRowLimits.MaxStringLength ? json : "[]";
}

/// <summary>The answer of <c>GET /api/messages/{id}/statuses</c>: the whole history, oldest first.</summary>
public sealed record MessageStatusListView(IReadOnlyList<MessageStatusView> Items);

/// <summary>One entry of <c>GET /api/messages/{id}/statuses</c>.</summary>
public sealed record MessageStatusView(
    string Status,
    DateTimeOffset? Timestamp,
    DateTimeOffset? ReceivedAt,
    string? Wamid,
    string? MessageId,
    string? RecipientId,
    string? RecipientType,
    string? RecipientParticipantId,
    StatusPricingView? Pricing,
    StatusConversationView? Conversation,
    IReadOnlyList<StatusErrorView>? Errors)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static MessageStatusView From(TableRow row) => new(
        row.GetString("status") ?? string.Empty,
        row.GetDateTimeOffset("timestamp"),
        row.GetDateTimeOffset("receivedAt"),
        row.GetString("wamid"),
        row.GetString("messageId"),
        row.GetString("recipientId"),
        row.GetString("recipientType"),
        row.GetString("recipientParticipantId"),
        row.Contains("pricingCategory") || row.Contains("pricingModel") || row.Contains("pricingBillable")
            ? new StatusPricingView(row.GetBoolean("pricingBillable"), row.GetString("pricingModel"), row.GetString("pricingType"), row.GetString("pricingCategory"))
            : null,
        row.Contains("conversationId") || row.Contains("conversationOrigin")
            ? new StatusConversationView(row.GetString("conversationId"), row.GetDateTimeOffset("conversationExpiresAt"), row.GetString("conversationOrigin"))
            : null,
        row.GetString("errors") is { } errors ? JsonSerializer.Deserialize<List<StatusErrorView>>(errors, Json) : null);
}

public sealed record StatusPricingView(bool? Billable, string? PricingModel, string? Type, string? Category);

public sealed record StatusConversationView(string? Id, DateTimeOffset? ExpiresAt, string? OriginType);

public sealed record StatusErrorView(string? Code, string? Title, string? Details, string? Href);
