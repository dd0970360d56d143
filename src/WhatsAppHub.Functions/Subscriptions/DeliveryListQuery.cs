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
        var status = QueryParameters.OneOf(QueryParameters.Text(query, "status"), "status", DeliveryStatus.All, errors);

        var limit = QueryParameters.Limit(query, errors);

        var continuation = QueryParameters.Continuation(query, errors);

        return errors.IsEmpty ? (new DeliveryListQuery(status, limit, continuation), errors.All) : (null, errors.All);
    }

}
