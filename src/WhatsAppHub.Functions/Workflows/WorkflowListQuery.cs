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
        var type = QueryParameters.Text(query, "type");
        if (type is not null && !types.Contains(type))
            errors.Add("query.type", "enum", "'type' must be one of: " + string.Join(", ", types.Order(StringComparer.Ordinal)) + ".");
        var status = QueryParameters.Text(query, "status");
        if (status is not null && !WorkflowStatus.All.Contains(status))
            errors.Add("query.status", "enum", "'status' must be one of: " + string.Join(", ", WorkflowStatus.All) + ".");
        var limit = QueryParameters.Limit(query, errors);
        var continuation = QueryParameters.Continuation(query, errors);
        return errors.IsEmpty ? (new WorkflowListQuery(type, status, limit, continuation), errors.All) : (null, errors.All);
    }
}
