using System.Globalization;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// The query of the analytics routes: the range of UTC days (<c>from</c>, <c>to</c>: dates such as 2026-11-24, both
/// included; default the last <see cref="DefaultDays"/> days to today; at most <see cref="MaxDays"/> days), and for the
/// funnel what it is about: a template (<c>template</c>, optionally one <c>language</c>), a <c>campaign</c>, or the
/// account (<c>waba</c>, default the default number's). Each bad parameter is one error named <c>query.{name}</c>.
/// </summary>
public sealed record AnalyticsQuery(DateOnly From, DateOnly To, string? WabaId, string? Template, string? Language, string? Campaign)
{
    public const int DefaultDays = 7;
    public const int MaxDays = 90;

    /// <summary>Campaign ids are the campaigns area's; any text that fits a key is taken.</summary>
    public const int MaxCampaignLength = 128;

    /// <summary>The query of <c>GET /api/templates/{name}/analytics</c> (days, <c>language</c>, <c>waba</c>).</summary>
    public static (AnalyticsQuery? Query, IReadOnlyList<ValidationError> Errors) ReadTemplate(string name, IQueryCollection query, DateOnly today)
    {
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(name, errors);
        var (from, to) = Days(query, today, errors);
        var language = TemplateNames.Language(query, errors, required: false);
        var waba = WabaResolver.Read(query, errors);
        return errors.IsEmpty ? (new AnalyticsQuery(from, to, waba, name, language, null), errors.All) : (null, errors.All);
    }

    /// <summary>The query of <c>GET /api/analytics/funnel</c>.</summary>
    public static (AnalyticsQuery? Query, IReadOnlyList<ValidationError> Errors) ReadFunnel(IQueryCollection query, DateOnly today)
    {
        var errors = new ValidationErrors();
        var (from, to) = Days(query, today, errors);
        var waba = WabaResolver.Read(query, errors);
        var template = QueryParameters.Text(query, "template");
        if (template is not null && !TemplateNames.IsName(template))
        {
            errors.Add("query.template", "pattern", "'template' is a template name: 1-512 lower-case letters, digits and underscores.");
            template = null;
        }
        var language = TemplateNames.Language(query, errors, required: false);
        if (language is not null && template is null && QueryParameters.Text(query, "template") is null)
            errors.Add("query.language", "dependency", "'language' narrows 'template': name the template too.");
        var campaign = QueryParameters.Text(query, "campaign");
        if (campaign is not null)
        {
            if (campaign.Length > MaxCampaignLength || campaign.Any(char.IsControl))
                errors.Add("query.campaign", "pattern", $"'campaign' is a campaign id: at most {MaxCampaignLength} characters, no control characters.");
            else if (QueryParameters.Text(query, "template") is not null || QueryParameters.Text(query, "language") is not null)
                errors.Add("query.campaign", "conflict", "'campaign' cannot be combined with 'template' or 'language': a campaign's funnel is its own.");
        }
        return errors.IsEmpty ? (new AnalyticsQuery(from, to, waba, template, language, campaign), errors.All) : (null, errors.All);
    }

    internal static (DateOnly From, DateOnly To) Days(IQueryCollection query, DateOnly today, ValidationErrors errors)
    {
        var to = Date(query, "to", errors) ?? today;
        var from = Date(query, "from", errors) ?? to.AddDays(-(DefaultDays - 1));
        if (errors.IsEmpty && from > to)
            errors.Add("query.from", "range", "'from' must not be after 'to'.");
        else if (errors.IsEmpty && to.DayNumber - from.DayNumber + 1 > MaxDays)
            errors.Add("query.from", "range", $"The range holds at most {MaxDays} days: 'from' must be at most {MaxDays - 1} days before 'to'.");
        return (from, to);
    }

    /// <summary>A UTC day written <c>yyyy-MM-dd</c>.</summary>
    private static DateOnly? Date(IQueryCollection query, string name, ValidationErrors errors)
    {
        if (QueryParameters.Text(query, name) is not { } text) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add($"query.{name}", "format", $"'{name}' must be a date such as 2026-11-24 (a UTC day).");
        return null;
    }
}
