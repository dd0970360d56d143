using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Analytics;

/// <summary>
/// <c>GET /api/templates/{name}/analytics</c> and <c>GET /api/analytics/funnel</c> over messages sent through the
/// sandbox and statuses and replies it published: the days, totals, rates and funnel steps a user reads, and every bad
/// query parameter named in one problem document.
/// </summary>
[Collection("Analytics")]
public class AnalyticsEndpointTests(AnalyticsFixture fixture)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task Template_analytics_show_every_day_with_totals_rates_and_failures_by_code()
    {
        var name = await fixture.CreateTemplateAsync("analytics_days");
        await SendThreeAsync(name);

        var analytics = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}/analytics?language=en_GB");
        var days = analytics!["days"]!.AsArray();
        Assert.Equal(7, days.Count); // the default: the last 7 days, zero days included
        Assert.Equal(Today, (string?)days[^1]!["date"]);
        Assert.All(days.Take(6), d => Assert.Equal(0, (long)d!["sent"]!));
        var totals = analytics["totals"]!;
        Assert.Equal((3L, 2L, 1L, 1L, 1L), ((long)totals["sent"]!, (long)totals["delivered"]!, (long)totals["read"]!, (long)totals["replied"]!, (long)totals["failed"]!));
        Assert.Equal(1, (long)totals["failedByCode"]!["131026"]!);
        Assert.Equal(3, (long)days[^1]!["sent"]!);
        Assert.Equal((0.6667, 0.3333, 0.3333), ((double)analytics["rates"]!["delivered"]!, (double)analytics["rates"]!["read"]!, (double)analytics["rates"]!["replied"]!));

        // Without a language: every language of the name (here one), and a range of one day.
        var allLanguages = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}/analytics?from={Today}&to={Today}");
        Assert.Null(allLanguages!["language"]);
        Assert.Equal(3, (long)Assert.Single(allLanguages["days"]!.AsArray())!["sent"]!);
    }

    [Fact]
    public async Task The_funnel_of_a_template_converts_step_by_step_and_the_account_holds_it()
    {
        var name = await fixture.CreateTemplateAsync("analytics_funnel");
        var accountBefore = await FunnelAsync("");
        await SendThreeAsync(name);

        var funnel = await FunnelAsync($"template={name}&language=en_GB");
        Assert.Equal(["sent", "delivered", "read", "replied"], funnel["steps"]!.AsArray().Select(s => (string)s!["step"]!));
        Assert.Equal([3L, 2L, 1L, 1L], funnel["steps"]!.AsArray().Select(s => (long)s!["count"]!));
        Assert.Equal([1.0, 0.6667, 0.3333, 0.3333], funnel["steps"]!.AsArray().Select(s => (double)s!["rateOfSent"]!));
        Assert.Equal([0.6667, 0.5, 1.0], funnel["steps"]!.AsArray().Skip(1).Select(s => (double)s!["rateOfPrevious"]!));
        Assert.Equal(1, (long)funnel["failed"]!);
        Assert.Equal(name, (string?)funnel["scope"]!["template"]);

        var account = await FunnelAsync("");
        Assert.Equal(AnalyticsFixture.WabaId, (string?)account["scope"]!["wabaId"]);
        Assert.Equal(3, Count(account, "sent") - Count(accountBefore, "sent"));
        Assert.Equal(1, Count(account, "replied") - Count(accountBefore, "replied"));

        var unknownCampaign = await FunnelAsync("campaign=never-sent-anything");
        Assert.Equal(0, Count(unknownCampaign, "sent"));
        Assert.Null(unknownCampaign["steps"]![1]!["rateOfSent"]); // no rate of nothing
    }

    [Fact]
    public async Task Bad_query_parameters_are_each_named()
    {
        using var template = await Http.GetAsync("/api/templates/Not-A-Name/analytics?from=2026-13-01&to=yesterday&language=english&waba=nope");
        var paths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(template, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Equal(["query.from", "query.language", "query.to", "query.waba", "route.name"], paths.Order());

        using var funnel = await Http.GetAsync("/api/analytics/funnel?template=Bad!&language=x&campaign=c1&waba=123");
        var funnelPaths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(funnel, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Equal(["query.campaign", "query.language", "query.template", "query.waba"], funnelPaths.Order());

        foreach (var (query, path) in new[]
        {
            ("from=2026-01-10&to=2026-01-09", "query.from"),  // reversed
            ("from=2025-01-01&to=2026-01-01", "query.from"),  // longer than 90 days
            ("language=en_GB", "query.language"),             // a language of no template
            ($"campaign={new string('c', 129)}", "query.campaign"),
        })
        {
            using var response = await Http.GetAsync($"/api/analytics/funnel?{query}");
            Assert.Equal([path], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation")));
        }
    }

    [Fact]
    public async Task An_unknown_template_is_a_404()
    {
        using var response = await Http.GetAsync("/api/templates/never_made_anything/analytics");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>Three sends: one read and answered, one delivered, one failed with 131026 after sent.</summary>
    private async Task SendThreeAsync(string name)
    {
        var (readTo, readWamid) = await SendAsync(name);
        await fixture.PublishAsync("status-read", Status(readWamid, readTo));
        await fixture.PublishAsync("text", $$"""{ "from": "{{RecipientRules.ToWaId(readTo)}}", "context": { "from": "15550100123", "id": "{{readWamid}}" } }""");
        var (deliveredTo, deliveredWamid) = await SendAsync(name);
        await fixture.PublishAsync("status-delivered", Status(deliveredWamid, deliveredTo));
        var (failedTo, failedWamid) = await SendAsync(name);
        await fixture.PublishAsync("status-failed", Status(failedWamid, failedTo, """, "errors": [ { "code": 131026, "title": "Message undeliverable" } ]"""));
    }

    private async Task<(string To, string Wamid)> SendAsync(string name)
    {
        var to = AnalyticsFixture.NewRecipient();
        var (_, wamid) = await fixture.SendAsync(name, to);
        return (to, wamid);
    }

    private async Task<JsonObject> FunnelAsync(string query)
    {
        using var response = await Http.GetAsync($"/api/analytics/funnel?{query}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body?.ToJsonString());
        return body!;
    }

    private static long Count(JsonObject funnel, string step) =>
        (long)funnel["steps"]!.AsArray().Single(s => (string?)s!["step"] == step)!["count"]!;

    private static string Status(string wamid, string to, string extra = "") =>
        $$"""{ "id": "{{wamid}}", "recipient_id": "{{RecipientRules.ToWaId(to)}}"{{extra}} }""";
}
