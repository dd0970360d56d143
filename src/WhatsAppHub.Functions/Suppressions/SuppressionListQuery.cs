using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Suppressions;

/// <summary>The filters of <c>GET /api/suppressions</c>: <c>phoneNumberId</c>, <c>source</c> (business, user), page size and continuation.</summary>
public sealed record SuppressionListQuery(string? PhoneNumberId, string? Source, int Limit, TableContinuation? Continuation)
{
    public static (SuppressionListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        var number = QueryParameters.PhoneNumberId(query, errors);
        var source = QueryParameters.OneOf(QueryParameters.Text(query, "source"), "source", SuppressionSources.All, errors);
        var limit = QueryParameters.Limit(query, errors);
        var continuation = QueryParameters.Continuation(query, errors);
        return errors.IsEmpty ? (new SuppressionListQuery(number, source, limit, continuation), errors.All) : (null, errors.All);
    }
}
