using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// The filters of <c>GET /api/messages</c>. Message ids are version-7 GUIDs whose first 12 hex digits are the creation
/// time in Unix milliseconds, MESSAGE rows are partitioned by a prefix of the id and keyed by the id
/// (<see cref="MessageKeys"/>), so a time range is a PartitionKey range plus a RowKey range (oldest first); recipient, sender and status are filters the service applies inside that range.
/// </summary>
public sealed record MessageListQuery(string? WaId, string? PhoneNumberId, MessageStatus? Status, DateTimeOffset? From, DateTimeOffset? Until, int Limit, TableContinuation? Continuation)
{
    public static (MessageListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        string? waId = null;
        if (QueryParameters.Text(query, "to") is { } to)
        {
            RecipientRules.Validate(to, "query.to", errors);
            waId = RecipientRules.ToWaId(to);
        }
        var sender = QueryParameters.PhoneNumberId(query, errors);

        MessageStatus? status = null;
        if (QueryParameters.Text(query, "status") is { } statusText)
        {
            if (MessageStatusRules.TryParse(statusText, out var s) && !int.TryParse(statusText, out _)) status = s;
            else errors.Add("query.status", "enum", "'status' must be one of: " + string.Join(", ", Enum.GetValues<MessageStatus>().Select(v => v.ToWire())) + ".");
        }
        var from = QueryParameters.Time(query, "from", errors);
        var until = QueryParameters.Time(query, "until", errors);
        if (from > until) errors.Add("query.until", "range", "'until' must not be before 'from'.");

        var limit = QueryParameters.Limit(query, errors);

        var continuation = QueryParameters.Continuation(query, errors);

        return errors.IsEmpty
            ? (new MessageListQuery(waId, sender, status, from, until, limit, continuation), errors.All)
            : (null, errors.All);
    }

    /// <summary>The table query for one page.</summary>
    public TableQuery ToTableQuery()
    {
        // Partitions are time buckets of the id (MessageKeys), RowKeys the ids themselves: the buckets bound the range
        // cheaply, the RowKeys make it exact to the millisecond.
        var conditions = new List<string>
        {
            From is { } f ? $"PartitionKey ge {TableFilter.Quote(MessageKeys.MessagePartitionAt(f))}" : $"PartitionKey gt {TableFilter.Quote(MessageKeys.MessagePrefix + "|")}",
            Until is { } u ? $"PartitionKey le {TableFilter.Quote(MessageKeys.MessagePartitionAt(u))}" : $"PartitionKey lt {TableFilter.Quote(MessageKeys.MessagePrefix + "|~")}",
        };
        if (From is { } from) conditions.Add($"RowKey ge {TableFilter.Quote(MessageKeys.IdPrefix(from))}");
        if (Until is { } until) conditions.Add($"RowKey lt {TableFilter.Quote(MessageKeys.IdPrefix(until.AddMilliseconds(1)))}");
        // The MSG partitions also hold the MARKETING_MESSAGE / AUTH_MESSAGE rows of template sends.
        conditions.Add(TableFilter.Equal(ItemType.PropertyName, ItemType.Message));
        if (WaId is not null) conditions.Add(TableFilter.Equal("waId", WaId));
        if (PhoneNumberId is not null) conditions.Add(TableFilter.Equal("phoneNumberId", PhoneNumberId));
        if (Status is { } s) conditions.Add(TableFilter.Equal("status", s.ToWire()));
        return new TableQuery { Filter = string.Join(" and ", conditions), Top = Limit, Continuation = Continuation };
    }

}
