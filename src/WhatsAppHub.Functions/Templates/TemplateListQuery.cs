using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// The filters of <c>GET /api/templates</c>: status, category, language, a name prefix, the account, page size, the
/// continuation token, and <c>sync=true</c> to refresh the rows from EUM first.
/// </summary>
public sealed record TemplateListQuery(string? WabaId, string? Status, string? Category, string? Language, string? NamePrefix, bool Sync,
    int Limit, TableContinuation? Continuation)
{
    public static (TemplateListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query)
    {
        var errors = new ValidationErrors();
        var waba = WabaResolver.Read(query, errors);
        var status = QueryParameters.OneOf(Upper(QueryParameters.Text(query, "status")), "status", TemplateStatus.All, errors);
        var category = QueryParameters.OneOf(Upper(QueryParameters.Text(query, "category")), "category", TemplateDefinitionRules.Categories, errors);
        var language = TemplateNames.Language(query, errors, required: false);
        var name = QueryParameters.Text(query, "name");
        if (name is not null && !TemplateNames.IsName(name))
        {
            errors.Add("query.name", "pattern", "'name' (a name prefix) has 1-512 lower-case letters, digits and underscores.");
            name = null;
        }
        var sync = Flag(query, "sync", errors);
        var limit = QueryParameters.Limit(query, errors);
        var continuation = QueryParameters.Continuation(query, errors);
        return errors.IsEmpty ? (new TemplateListQuery(waba, status, category, language, name, sync, limit, continuation), errors.All) : (null, errors.All);
    }

    /// <summary>Meta writes statuses and categories in upper case; a caller's <c>approved</c> means the same.</summary>
    private static string? Upper(string? value) => value?.ToUpperInvariant();

    public static bool Flag(IQueryCollection query, string name, ValidationErrors errors)
    {
        if (QueryParameters.Text(query, name) is not { } text) return false;
        if (bool.TryParse(text, out var value)) return value;
        errors.Add($"query.{name}", "type", $"'{name}' must be true or false.");
        return false;
    }
}
