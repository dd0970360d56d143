using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// Routes of the Click-to-WhatsApp funnel (<c>get_ctwa_metrics</c>, <c>track_ctwa_click</c>): an ad's clicks reported
/// from outside, the conversions reported from outside, and the funnel per ad read from the counters (docs/data-model.md,
/// "CTWA funnel").
/// </summary>
public static class CtwaEndpoints
{
    /// <summary>A thousand clicks of about 500 bytes each.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Clicks of one batch written at once.</summary>
    private const int Parallelism = 8;

    public static RouteGroupBuilder MapCtwaEndpoints(this RouteGroupBuilder api)
    {
        var ctwa = api.MapGroup("/analytics/ctwa").WithTags("Analytics");
        ctwa.MapGet("/", MetricsAsync).WithName("GetCtwaMetrics")
            .WithSummary("The Click-to-WhatsApp funnel per ad (referral source id) over a range of days (from, to: dates, default the last 7 days, at most 90): clicks reported → conversations → replies → conversions, with rates; ?waba= (default the default number's account), ?sourceId= one ad.")
            .Produces<CtwaMetricsView>();
        ctwa.MapPost("/clicks", ClicksAsync).WithName("TrackCtwaClick")
            .WithSummary("Record a Click-to-WhatsApp ad click reported from outside (sourceId, ctwaClid, sourceType, occurredAt, waba or phoneNumberId, campaign, adName): 201, or 200 with the stored click when its ctwaClid was reported before; {\"clicks\": [...]} records up to 1,000 and answers 200.")
            .Produces<CtwaClickView>(StatusCodes.Status201Created).Produces<CtwaClickBatchView>();
        ctwa.MapPost("/conversions", ConversionAsync).WithName("TrackCtwaConversion")
            .WithSummary("Record a conversion of a contact who came from a Click-to-WhatsApp ad, named by ctwaClid or waId (phoneNumberId): counted once per contact on the ad of their first referral; 201, or 200 when the contact had converted already; 404 when the contact never wrote from an ad.")
            .Produces<CtwaConversionView>(StatusCodes.Status201Created);
        return api;
    }

    private static async Task<IResult> MetricsAsync(HttpRequest request, WabaResolver wabas, OutcomeCounter counter, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (query, errors) = CtwaMetricsQuery.Read(request.Query, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (query is null) return HubProblems.Validation(errors);
        var (wabaId, problem) = await wabas.ResolveAsync(query.WabaId, cancellationToken);
        if (problem is not null) return problem;

        var ads = await counter.ReadAdsAsync(wabaId!, query.SourceId, query.From, query.To, cancellationToken);
        var views = ads.Select(a => CtwaAdView.From(a.Key, a.Value))
            .OrderByDescending(a => a.Conversations).ThenByDescending(a => a.Clicks).ThenBy(a => a.SourceId, StringComparer.Ordinal)
            .ToList();
        if (query.SourceId is { } one && views.Count == 0) views.Add(CtwaAdView.From(one, CtwaTally.Zero)); // asked for: shown, at zero
        var total = ads.Values.Aggregate(CtwaTally.Zero, (sum, t) => sum.Plus(t));
        return Results.Ok(new CtwaMetricsView(wabaId!, query.SourceId, query.From, query.To, views, CtwaTotalsView.From(total)));
    }

    private static async Task<IResult> ClicksAsync(HttpRequest request, WabaResolver wabas, CtwaClickStore clicks, OutcomeCounter counter,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow();
        if (JsonBody.ParseObject(body.Bytes.Span, errors) is not { } json) return HubProblems.Validation(errors.All);
        var (requests, batch) = CtwaClickRequest.Read(json, now, errors);
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);

        // Each account named once, before anything is written: EUM not answering refuses the whole report.
        var accounts = new Dictionary<(string?, string?), string>();
        foreach (var r in requests)
        {
            if (accounts.ContainsKey((r.WabaId, r.PhoneNumberId))) continue;
            var (wabaId, problem) = r.PhoneNumberId is { } number ? await wabas.ForPhoneNumberAsync(number, cancellationToken) : await wabas.ResolveAsync(r.WabaId, cancellationToken);
            if (problem is not null) return problem;
            accounts[(r.WabaId, r.PhoneNumberId)] = wabaId!;
        }

        var results = new CtwaClickView[requests.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var r = requests[i];
                var click = new CtwaClick(r.CtwaClid ?? Guid.NewGuid().ToString("N"), accounts[(r.WabaId, r.PhoneNumberId)], r.SourceId, r.SourceType,
                    r.CtwaClid, r.OccurredAt ?? now, r.Campaign, r.AdName, now);
                var (stored, recorded) = await clicks.RecordAsync(click, ct);
                if (recorded) counter.CountAd(stored.WabaId, stored.SourceId, DateOnly.FromDateTime(stored.OccurredAt.UtcDateTime), CtwaStep.Click);
                results[i] = CtwaClickView.From(stored, duplicate: !recorded);
            });

        if (batch)
            return Results.Ok(new CtwaClickBatchView(results.Count(c => !c.Duplicate), results.Count(c => c.Duplicate), results));
        return results[0].Duplicate ? Results.Ok(results[0]) : Results.Created((string?)null, results[0]);
    }

    private static async Task<IResult> ConversionAsync(HttpRequest request, WabaResolver wabas, CtwaConversions conversions, CtwaAttribution attribution,
        HubOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, 16 * 1024, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var errors = new ValidationErrors();
        if (JsonBody.ParseObject(body.Bytes.Span, errors) is not { } json || CtwaConversionRequest.Read(json, clock.GetUtcNow(), errors) is not { } input)
            return HubProblems.Validation(errors.All);

        string phoneNumberId, waId;
        if (input.CtwaClid is { } clid)
        {
            if (await attribution.ContactOfClickAsync(clid, cancellationToken) is not { } contact)
                return HubProblems.NotFound("No contact has written from the click with this ctwaClid.");
            (phoneNumberId, waId) = contact;
        }
        else
        {
            (phoneNumberId, waId) = (input.PhoneNumberId ?? options.Eum.DefaultPhoneNumberId, input.WaId!);
        }
        // Asked first, so EUM not answering is a problem document here, not an error inside the count.
        var (_, problem) = await wabas.ForPhoneNumberAsync(phoneNumberId, cancellationToken);
        if (problem is not null) return problem;

        var result = await conversions.RecordAsync(phoneNumberId, waId, CtwaConversions.External, input.OccurredAt, input.Reference, input.Value, input.Currency, cancellationToken);
        if (result.Outcome == CtwaConversionOutcome.NoReferral)
            return HubProblems.NotFound("This contact has never written from a Click-to-WhatsApp ad on this number: there is no ad to count the conversion for.");
        var m = result.Marker;
        var view = new CtwaConversionView(result.Outcome == CtwaConversionOutcome.Counted, result.WabaId!, m?.GetString("sourceId") ?? result.Referral!.SourceId,
            phoneNumberId, waId, m?.GetString("kind"), m?.GetDateTimeOffset("convertedAt"), m?.GetString("reference"), m?.GetDouble("value"), m?.GetString("currency"));
        return view.Counted ? Results.Created((string?)null, view) : Results.Ok(view);
    }
}
