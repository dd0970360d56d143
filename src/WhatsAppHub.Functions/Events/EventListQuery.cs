using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Events;

/// <summary>
/// The filters of <c>GET /api/events</c>: one account's events between <see cref="From"/> and <see cref="Until"/>
/// (default: the last 24 hours; at most <see cref="MaxSpan"/>), newest first, optionally of a type pattern
/// (<c>status.*</c>), one number and one contact. <see cref="After"/> is where the previous page stopped.
/// </summary>
public sealed record EventListQuery(string Waba, string? TypePattern, DateTimeOffset From, DateTimeOffset Until, string? PhoneNumberId, string? WaId,
    int Limit, TableContinuation? After)
{
    public const int MaxTypeLength = 128;

    /// <summary>Each UTC day of the range costs one query per shard, so the range is bounded.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(31);

    public static readonly TimeSpan DefaultSpan = TimeSpan.FromHours(24);

    // Webhook times are Unix seconds; the bounds keep every range computation (a default span, day steps) in range.
    private static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;
    private static readonly DateTimeOffset Latest = new(9999, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public static (EventListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var waba = QueryParameters.Text(query, "waba");
        if (waba is null) errors.Add("query.waba", "required", "'waba' (the WhatsApp Business Account id) is required.");
        else if (waba.Length > 64 || !waba.All(char.IsAsciiDigit)) errors.Add("query.waba", "pattern", "'waba' must be a WhatsApp Business Account id: digits only, at most 64.");

        var type = QueryParameters.Text(query, "type");
        if (type is not null && !IsTypePattern(type))
            errors.Add("query.type", "pattern", "'type' must be an event type (message.received, status.read, …), a prefix ending in '.*' (status.*), or '*'.");

        var phoneNumberId = QueryParameters.Text(query, "phoneNumberId");
        if (phoneNumberId is not null && !Core.Messaging.PhoneNumberId.IsValid(phoneNumberId))
            errors.Add("query.phoneNumberId", "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");

        string? waId = null;
        if (QueryParameters.Text(query, "waId") is { } contact)
        {
            RecipientRules.Validate(contact, "query.waId", errors);
            waId = RecipientRules.ToWaId(contact);
        }

        var from = Time(query, "from", errors);
        var until = Time(query, "until", errors);
        var end = until ?? now;
        var start = from ?? end - DefaultSpan;
        if (from is not null && until is not null && from > until) errors.Add("query.until", "range", "'until' must not be before 'from'.");
        else if (end - start > MaxSpan) errors.Add("query.from", "range", $"'from' and 'until' may be at most {MaxSpan.TotalDays} days apart.");

        var limit = QueryParameters.Limit(query, errors);

        TableContinuation? after = null;
        if (QueryParameters.Text(query, "continuation") is { } token && (!TableContinuation.TryParse(token, out after) || (waba is not null && !IsCursorOf(after, waba))))
            errors.Add("query.continuation", "format", "'continuation' is not a token this API returned for this account.");

        return errors.IsEmpty
            ? (new EventListQuery(waba!, type is "*" ? null : type, start, end,
                phoneNumberId is null ? null : Core.Messaging.PhoneNumberId.Normalize(phoneNumberId), waId, limit, after), errors.All)
            : (null, errors.All);
    }

    /// <summary>The filter within one partition: the time range, the page's start, and the property filters.</summary>
    public string Filter()
    {
        var conditions = new List<string>
        {
            $"RowKey ge {TableFilter.Quote(EventKeys.NewestRowKey(Until))}",
            $"RowKey lt {TableFilter.Quote(EventKeys.OldestRowKeyBound(From))}",
        };
        if (After?.NextRowKey is { } cursor) conditions.Add($"RowKey gt {TableFilter.Quote(cursor)}");
        if (TypePattern is { } pattern)
            conditions.Add(pattern.EndsWith(".*", StringComparison.Ordinal) ? TableFilter.StartsWith("type", pattern[..^1]) : TableFilter.Equal("type", pattern));
        if (PhoneNumberId is not null) conditions.Add(TableFilter.Equal("phoneNumberId", PhoneNumberId));
        if (WaId is not null) conditions.Add(TableFilter.Equal("waId", WaId));
        return string.Join(" and ", conditions);
    }

    /// <summary>The UTC days to read, newest first: from the page's start (or <see cref="Until"/>) back to <see cref="From"/>.</summary>
    public IEnumerable<DateTimeOffset> Days()
    {
        var newest = After is { NextRowKey: { } cursor } && CursorTime(cursor) is { } at && at < Until ? at : Until;
        for (var day = newest.UtcDateTime.Date; day >= From.UtcDateTime.Date; day = day.AddDays(-1))
            yield return new DateTimeOffset(day, TimeSpan.Zero);
    }

    /// <summary>Types are lower-case words joined by dots and underscores (Meta's field names); '*' only as described.</summary>
    private static bool IsTypePattern(string type)
    {
        if (type == "*") return true;
        var name = type.EndsWith(".*", StringComparison.Ordinal) ? type[..^2] : type;
        return type.Length <= MaxTypeLength && name.Length > 0
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.' or '-')
            && !name.StartsWith('.') && !name.EndsWith('.');
    }

    /// <summary>A token is the keys of the last row returned: a partition of this account and a RowKey that starts with a time.</summary>
    private static bool IsCursorOf(TableContinuation token, string waba) =>
        token.NextPartitionKey.StartsWith(StorageKey.Compose(EventKeys.WebhookEventPrefix, waba) + StorageKey.Separator, StringComparison.Ordinal)
        && token.NextRowKey is { } rowKey && CursorTime(rowKey) is not null;

    private static DateTimeOffset? CursorTime(string rowKey) =>
        rowKey.Length > 20 && rowKey[19] == StorageKey.Separator
        && long.TryParse(rowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining)
        && remaining <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(DateTimeOffset.MaxValue.UtcTicks - remaining, TimeSpan.Zero)
            : null;

    /// <summary>A time, also within the bounds every range computation stays valid in.</summary>
    private static DateTimeOffset? Time(IQueryCollection query, string name, ValidationErrors errors)
    {
        if (QueryParameters.Time(query, name, errors) is not { } time) return null;
        if (time >= Earliest && time <= Latest) return time;
        errors.Add($"query.{name}", "range", $"'{name}' must lie between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.");
        return null;
    }
}
