using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>The filters of <c>GET /api/workflows</c>: type, status, page size and the continuation token.</summary>
public sealed record WorkflowListQuery(string? Type, string? Status, int Limit, TableContinuation? Continuation)
{
    public static (WorkflowListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query, IReadOnlyCollection<string> types)
    {
        var errors = new ValidationErrors();
        var type = QueryParameters.OneOf(QueryParameters.Text(query, "type"), "type", types.Order(StringComparer.Ordinal), errors);
        var status = QueryParameters.OneOf(QueryParameters.Text(query, "status"), "status", WorkflowStatus.All, errors);
        var limit = QueryParameters.Limit(query, errors);
        var continuation = QueryParameters.Continuation(query, errors);
        return errors.IsEmpty ? (new WorkflowListQuery(type, status, limit, continuation), errors.All) : (null, errors.All);
    }
}
