using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>The filters of <c>GET /api/subscriptions/{id}/deliveries</c>: status, page size and the continuation token.</summary>
public sealed record DeliveryListQuery(string? Status, int Limit, TableContinuation? Continuation)
{
    public static (DeliveryListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        var status = QueryParameters.Text(query, "status");
        if (status is not null && !DeliveryStatus.All.Contains(status))
            errors.Add("query.status", "enum", "'status' must be one of: " + string.Join(", ", DeliveryStatus.All) + ".");

        var limit = QueryParameters.Limit(query, errors);

        var continuation = QueryParameters.Continuation(query, errors);

        return errors.IsEmpty ? (new DeliveryListQuery(status, limit, continuation), errors.All) : (null, errors.All);
    }

}
