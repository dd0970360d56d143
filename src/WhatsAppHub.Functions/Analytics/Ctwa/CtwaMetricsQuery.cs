using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// The query of <c>GET /api/analytics/ctwa</c>: the UTC days (<c>from</c>, <c>to</c>, as <see cref="AnalyticsQuery"/>),
/// the account (<c>waba</c>, default the default number's) and optionally one ad (<c>sourceId</c>).
/// </summary>
public sealed record CtwaMetricsQuery(DateOnly From, DateOnly To, string? WabaId, string? SourceId)
{
    public static (CtwaMetricsQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query, DateOnly today)
    {
        var errors = new ValidationErrors();
        var (from, to) = AnalyticsQuery.Days(query, today, errors);
        var waba = WabaResolver.Read(query, errors);
        var sourceId = QueryParameters.Text(query, "sourceId");
        if (sourceId is not null && (sourceId.Length > CtwaKeys.MaxSourceIdLength || sourceId.Any(char.IsControl)))
        {
            errors.Add("query.sourceId", "pattern", $"'sourceId' is an ad's id: at most {CtwaKeys.MaxSourceIdLength} characters, no control characters.");
            sourceId = null;
        }
        return errors.IsEmpty ? (new CtwaMetricsQuery(from, to, waba, sourceId), errors.All) : (null, errors.All);
    }
}
