using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Payments;

/// <summary>The filters of <c>GET /api/payments</c>: <c>status</c>, page size and continuation.</summary>
public sealed record PaymentListQuery(string? Status, int Limit, TableContinuation? Continuation)
{
    public static (PaymentListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        var status = QueryParameters.OneOf(QueryParameters.Text(query, "status"), "status", PaymentStatuses.All, errors);
        var limit = QueryParameters.Limit(query, errors);
        var continuation = QueryParameters.Continuation(query, errors);
        return errors.IsEmpty ? (new PaymentListQuery(status, limit, continuation), errors.All) : (null, errors.All);
    }
}
