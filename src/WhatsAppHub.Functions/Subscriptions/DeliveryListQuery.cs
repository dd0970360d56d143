using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>The filters of <c>GET /api/subscriptions/{id}/deliveries</c>: status, page size and the continuation token.</summary>
public sealed record DeliveryListQuery(string? Status, int Limit, TableContinuation? Continuation)
{
    public const int MaxLimit = 200;

    public static (DeliveryListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        var status = Text(query, "status");
        if (status is not null && !DeliveryStatus.All.Contains(status))
            errors.Add("query.status", "enum", "'status' must be one of: " + string.Join(", ", DeliveryStatus.All) + ".");

        var limit = 50;
        if (Text(query, "limit") is { } limitText &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            errors.Add("query.limit", "range", $"'limit' must be a whole number from 1 to {MaxLimit}.");

        TableContinuation? continuation = null;
        if (Text(query, "continuation") is { } token && !TableContinuation.TryParse(token, out continuation))
            errors.Add("query.continuation", "format", "'continuation' is not a token this API returned.");

        return errors.IsEmpty ? (new DeliveryListQuery(status, limit, continuation), errors.All) : (null, errors.All);
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
