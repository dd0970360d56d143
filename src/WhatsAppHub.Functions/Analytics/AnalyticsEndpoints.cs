using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// Routes of the Analytics area, read from the outcome counters (<see cref="OutcomeCounter"/>): a template's days and
/// the funnel of an account, a template or a campaign. Nothing is asked of EUM or Meta, except which account the
/// default number belongs to when no <c>waba</c> is given.
/// </summary>
public static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/templates/{name}/analytics", TemplateAsync).WithTags("Templates").WithName("GetTemplateAnalytics")
            .WithSummary("A template's outcomes per UTC day of sending (from, to: dates, default the last 7 days, at most 90): sent, delivered, read, replied, failed and failed by code, with totals and rates; one language (?language=) or all.")
            .Produces<TemplateAnalyticsView>();
        api.MapGet("/analytics/funnel", FunnelAsync).WithTags("Analytics").WithName("GetFunnel")
            .WithSummary("Sent → delivered → read → replied over a range of days, with conversion rates, for the account (?waba=), a template (?template=&language=) or a campaign (?campaign=).")
            .Produces<FunnelView>();
        return api;
    }

    private static async Task<IResult> TemplateAsync(string name, HttpRequest request, WabaResolver wabas, TemplateStore templates,
        OutcomeCounter counter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (query, errors) = AnalyticsQuery.ReadTemplate(name, request.Query, Today(clock));
        if (query is null) return HubProblems.Validation(errors);
        var (wabaId, problem) = await wabas.ResolveAsync(query.WabaId, cancellationToken);
        if (problem is not null) return problem;

        var counts = query.Language is { } language
            ? await counter.ReadAsync(OutcomeScope.Template(wabaId!, name, language), query.From, query.To, cancellationToken)
            : await counter.ReadTemplateAsync(wabaId!, name, query.From, query.To, cancellationToken);
        // Counts outlive a deleted template; a name the hub never knew, with nothing counted, is a typo worth a 404.
        if (counts.Days.Count == 0 && !await KnownAsync(templates, wabaId!, name, query.Language, cancellationToken))
            return TemplateEndpoints.NotFound(name, query.Language);

        var days = Enumerable.Range(0, query.To.DayNumber - query.From.DayNumber + 1)
            .Select(offset => query.From.AddDays(offset))
            .Select(day => OutcomeDayView.From(day, counts.On(day)))
            .ToList();
        return Results.Ok(new TemplateAnalyticsView(name, query.Language, wabaId!, query.From, query.To, days,
            OutcomeCountsView.From(counts.Total), OutcomeRatesView.From(counts.Total)));
    }

    private static async Task<IResult> FunnelAsync(HttpRequest request, WabaResolver wabas, OutcomeCounter counter, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (query, errors) = AnalyticsQuery.ReadFunnel(request.Query, Today(clock));
        if (query is null) return HubProblems.Validation(errors);

        OutcomeCounts counts;
        FunnelScopeView scope;
        if (query.Campaign is { } campaign)
        {
            counts = await counter.ReadAsync(OutcomeScope.Campaign(campaign), query.From, query.To, cancellationToken);
            scope = new FunnelScopeView(null, null, null, campaign);
        }
        else
        {
            var (wabaId, problem) = await wabas.ResolveAsync(query.WabaId, cancellationToken);
            if (problem is not null) return problem;
            counts = query switch
            {
                { Template: { } template, Language: { } language } => await counter.ReadAsync(OutcomeScope.Template(wabaId!, template, language), query.From, query.To, cancellationToken),
                { Template: { } template } => await counter.ReadTemplateAsync(wabaId!, template, query.From, query.To, cancellationToken),
                _ => await counter.ReadAsync(OutcomeScope.Account(wabaId!), query.From, query.To, cancellationToken),
            };
            scope = new FunnelScopeView(wabaId, query.Template, query.Language, null);
        }

        var t = counts.Total;
        var steps = new List<FunnelStepView> { new("sent", t.Sent, t.Sent > 0 ? 1 : null, null) };
        foreach (var (step, count) in new[] { ("delivered", t.Delivered), ("read", t.Read), ("replied", t.Replied) })
            steps.Add(new FunnelStepView(step, count, OutcomeRatesView.Rate(count, t.Sent), OutcomeRatesView.Rate(count, steps[^1].Count)));
        return Results.Ok(new FunnelView(scope, query.From, query.To, steps, t.Failed, t.FailedByCode));
    }

    private static async Task<bool> KnownAsync(TemplateStore templates, string wabaId, string name, string? language, CancellationToken cancellationToken) =>
        language is not null
            ? await templates.GetAsync(wabaId, name, language, cancellationToken) is not null
            : (await templates.LanguagesAsync(wabaId, name, cancellationToken)).Count > 0;

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
