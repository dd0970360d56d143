using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.OpenApi.OpenApiDocuments;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Analytics;

/// <summary>
/// The Click-to-WhatsApp funnel per ad (<c>GET /api/analytics/ctwa</c>) over clicks reported through
/// <c>POST /api/analytics/ctwa/clicks</c>, contacts writing from two ads through the sandbox's referral type, their
/// replies and order, and conversions reported from outside: each step counted once per contact (or click id), and
/// every bad query parameter and body member named in one problem document.
/// </summary>
[Collection("Analytics")]
public class CtwaAnalyticsTests(AnalyticsFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task Two_ads_show_clicks_conversations_replies_and_conversions_each_counted_once()
    {
        var (adA, adB) = (NewAd(), NewAd());
        var (clidA1, clidA2, clidB1) = (NewClid(), NewClid(), NewClid());

        // Clicks: two on ad A (the first reported twice), three on ad B in one batch (one click id twice, one without).
        var first = await PostAsync("/api/analytics/ctwa/clicks", $$"""{ "sourceId": "{{adA}}", "ctwaClid": "{{clidA1}}", "sourceType": "ad", "campaign": "spring", "adName": "Sale A" }""");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((clidA1, AnalyticsFixture.WabaId, false), ((string?)first.Body["id"], (string?)first.Body["wabaId"], (bool)first.Body["duplicate"]!));
        var repeat = await PostAsync("/api/analytics/ctwa/clicks", $$"""{ "sourceId": "{{adA}}", "ctwaClid": "{{clidA1}}", "campaign": "changed" }""");
        Assert.Equal(HttpStatusCode.OK, repeat.Status);
        Assert.Equal((true, "spring"), ((bool)repeat.Body["duplicate"]!, (string?)repeat.Body["campaign"])); // the stored click, not the repeat
        var second = await PostAsync("/api/analytics/ctwa/clicks", $$"""{ "sourceId": "{{adA}}", "ctwaClid": "{{clidA2}}", "occurredAt": "{{DateTime.UtcNow.AddMinutes(-5):O}}" }""");
        Assert.Equal(HttpStatusCode.Created, second.Status);
        var batch = await PostAsync("/api/analytics/ctwa/clicks", $$"""
            { "clicks": [ { "sourceId": "{{adB}}", "ctwaClid": "{{clidB1}}" }, { "sourceId": "{{adB}}", "ctwaClid": "{{clidB1}}" },
                          { "sourceId": "{{adB}}", "sourceType": "post" }, { "sourceId": "{{adB}}", "ctwaClid": "{{NewClid()}}", "waba": "{{AnalyticsFixture.WabaId}}" } ] }
            """);
        Assert.Equal(HttpStatusCode.OK, batch.Status);
        Assert.Equal((3, 1, 4), ((int)batch.Body["recorded"]!, (int)batch.Body["duplicates"]!, batch.Body["clicks"]!.AsArray().Count));

        // Contact 1 writes from ad A twice (one conversation; SNS delivering the first one three times), replies, then
        // orders: a conversion.
        var (c1, c2, c3, c4, stranger) = (Contact(), Contact(), Contact(), Contact(), Contact());
        await FromAdAsync(c1, adA, NewClid(), copies: 3);
        await FromAdAsync(c1, adA, NewClid());
        await fixture.PublishAsync("text", $$"""{ "from": "{{c1}}" }""");
        await fixture.PublishAsync("order", $$"""{ "from": "{{c1}}" }""");
        // Contact 2 writes from ad A and never again; their purchase is reported from outside by WhatsApp id.
        await FromAdAsync(c2, adA, NewClid());
        // Contact 3 writes from ad B and replies twice (one reply); the shop reports their conversion by click id, twice.
        var clidC3 = NewClid();
        await FromAdAsync(c3, adB, clidC3);
        await fixture.PublishAsync("text", $$"""{ "from": "{{c3}}" }""");
        await fixture.PublishAsync("text", $$"""{ "from": "{{c3}}" }""");
        // Contact 4 wrote before they ever saw ad B: that message answers nothing; the one after the referral is a reply.
        await fixture.PublishAsync("text", $$"""{ "from": "{{c4}}" }""");
        await FromAdAsync(c4, adB, NewClid());
        await fixture.PublishAsync("text", $$"""{ "from": "{{c4}}" }""");
        // Contact 1 comes back from ad B: a conversation of B, but their steps stay with A, the ad they came from first.
        await FromAdAsync(c1, adB, NewClid());
        await fixture.PublishAsync("text", $$"""{ "from": "{{c1}}" }""");

        var byClick = await PostAsync("/api/analytics/ctwa/conversions", $$"""{ "ctwaClid": "{{clidC3}}", "value": 499.5, "currency": "INR", "reference": "order-77" }""");
        Assert.Equal(HttpStatusCode.Created, byClick.Status);
        Assert.Equal((true, adB, c3, 499.5), ((bool)byClick.Body["counted"]!, (string?)byClick.Body["sourceId"], (string?)byClick.Body["waId"], (double)byClick.Body["value"]!));
        var again = await PostAsync("/api/analytics/ctwa/conversions", $$"""{ "ctwaClid": "{{clidC3}}" }""");
        Assert.Equal((HttpStatusCode.OK, false, "order-77"), (again.Status, (bool)again.Body["counted"]!, (string?)again.Body["reference"]));
        var byWaId = await PostAsync("/api/analytics/ctwa/conversions", $$"""{ "waId": "+{{c2}}" }""");
        Assert.Equal((HttpStatusCode.Created, adA), (byWaId.Status, (string?)byWaId.Body["sourceId"]));
        var afterOrder = await PostAsync("/api/analytics/ctwa/conversions", $$"""{ "waId": "{{c1}}" }""");
        Assert.Equal((HttpStatusCode.OK, "order"), (afterOrder.Status, (string?)afterOrder.Body["kind"])); // the order converted them already
        using (var none = await Http.PostAsync("/api/analytics/ctwa/conversions", Json($$"""{ "waId": "{{stranger}}" }""")))
            await ProblemAssert.IsProblem(none, HttpStatusCode.NotFound, "not-found");

        var a = Ad(await MetricsAsync($"sourceId={adA}"), adA);
        Assert.Equal((2L, 2L, 1L, 2L), Steps(a));
        Assert.Equal((1.0, 0.5, 1.0, 1.0), Rates(a));
        var all = await MetricsAsync("");
        Assert.Equal(AnalyticsFixture.WabaId, (string?)all["wabaId"]);
        var b = Ad(all, adB);
        Assert.Equal((3L, 3L, 2L, 1L), Steps(b));
        Assert.Equal((1.0, 0.6667, 0.3333, 0.3333), Rates(b));
        Assert.Equal(Steps(a), Steps(Ad(all, adA)));
        Assert.True((long)all["totals"]!["conversations"]! >= 5);

        // A range of past days holds none of it; an ad asked for by name is shown at zero.
        var past = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var empty = await MetricsAsync($"from={past}&to={past}&sourceId={adA}");
        Assert.Equal((0L, 0L, 0L, 0L), Steps(Ad(empty, adA)));
        Assert.Null(Ad(empty, adA)["rates"]!["conversationsPerClick"]);
    }

    [Fact]
    public async Task One_click_reported_by_twenty_requests_at_once_is_recorded_and_counted_once()
    {
        var (ad, clid) = (NewAd(), NewClid());
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            using var response = await Http.PostAsync("/api/analytics/ctwa/clicks", Json($$"""{ "sourceId": "{{ad}}", "ctwaClid": "{{clid}}" }"""));
            return response.StatusCode;
        })));

        Assert.Single(answers, a => a == HttpStatusCode.Created);
        Assert.Equal(19, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(1L, (long)Ad(await MetricsAsync($"sourceId={ad}"), ad)["clicks"]!);
    }

    [Fact]
    public async Task A_click_dated_a_day_ago_counts_on_that_day()
    {
        var ad = NewAd();
        var yesterday = DateTime.UtcNow.AddDays(-1);
        var posted = await PostAsync("/api/analytics/ctwa/clicks", $$"""{ "sourceId": "{{ad}}", "occurredAt": "{{yesterday:O}}" }""");
        Assert.Equal(HttpStatusCode.Created, posted.Status);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(0L, (long)Ad(await MetricsAsync($"from={today}&to={today}&sourceId={ad}"), ad)["clicks"]!);
        var day = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(1L, (long)Ad(await MetricsAsync($"from={day}&to={day}&sourceId={ad}"), ad)["clicks"]!);
    }

    [Fact]
    public async Task An_overlong_ad_id_from_a_webhook_is_counted_under_its_hash()
    {
        var sourceId = Random.Shared.Next(1, 9).ToString(CultureInfo.InvariantCulture) + new string('7', 1999);
        var contact = Contact();
        await FromAdAsync(contact, sourceId, NewClid());
        await fixture.PublishAsync("text", $$"""{ "from": "{{contact}}" }""");

        var hashed = "#" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(sourceId)));
        Assert.Equal((0L, 1L, 1L, 0L), Steps(Ad(await MetricsAsync($"sourceId={Uri.EscapeDataString(hashed)}"), hashed)));
    }

    [Fact]
    public async Task Bad_queries_and_bodies_are_each_named()
    {
        using var metrics = await Http.GetAsync($"/api/analytics/ctwa?from=yesterday&waba=123&sourceId={new string('9', 161)}");
        Assert.Equal(["query.from", "query.sourceId", "query.waba"],
            ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(metrics, HttpStatusCode.BadRequest, "validation")).Order());
        using var reversed = await Http.GetAsync("/api/analytics/ctwa?from=2026-02-10&to=2026-02-01");
        Assert.Equal(["query.from"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(reversed, HttpStatusCode.BadRequest, "validation")));

        await AssertRefusedAsync("/api/analytics/ctwa/clicks",
            """{ "sourceId": "", "ctwaClid": 5, "sourceType": "banner", "occurredAt": "2999-01-01T00:00:00Z", "waba": "nope", "campaign": "a\u0001b", "adName": "", "clickedBy": "me" }""",
            ["$.adName", "$.campaign", "$.clickedBy", "$.ctwaClid", "$.occurredAt", "$.sourceId", "$.sourceType", "$.waba"]);
        await AssertRefusedAsync("/api/analytics/ctwa/clicks", """{ "ctwaClid": "x", "occurredAt": "soon", "phoneNumberId": "!" }""",
            ["$.occurredAt", "$.phoneNumberId", "$.sourceId"]);
        await AssertRefusedAsync("/api/analytics/ctwa/clicks",
            $$"""{ "sourceId": "1", "waba": "{{AnalyticsFixture.WabaId}}", "phoneNumberId": "phone-number-id-0123456789abcdef0123456789abcdef" }""", ["$.phoneNumberId"]);
        await AssertRefusedAsync("/api/analytics/ctwa/clicks", """{ "clicks": [ { "sourceId": "1" }, 5, { "ctwaClid": "x" } ], "more": true }""",
            ["$.clicks[1]", "$.clicks[2].sourceId", "$.more"]);
        await AssertRefusedAsync("/api/analytics/ctwa/clicks", """{ "clicks": [] }""", ["$.clicks"]);
        var tooMany = "{ \"clicks\": [" + string.Join(',', Enumerable.Repeat("""{"sourceId":"1"}""", 1001)) + "] }";
        await AssertRefusedAsync("/api/analytics/ctwa/clicks", tooMany, ["$.clicks"]);
        await AssertRefusedAsync("/api/analytics/ctwa/clicks", "[1]", ["$"]);
        await AssertRefusedAsync("/api/analytics/ctwa/clicks", "{ not json", ["$"]);

        await AssertRefusedAsync("/api/analytics/ctwa/conversions", "{}", ["$.waId"]);
        await AssertRefusedAsync("/api/analytics/ctwa/conversions",
            """{ "ctwaClid": "c", "waId": "44-77", "value": -1, "currency": "inr", "occurredAt": "never", "phoneNumberId": "x", "extra": 1 }""",
            ["$.currency", "$.extra", "$.occurredAt", "$.phoneNumberId", "$.value", "$.waId", "$.waId"]);
        await AssertRefusedAsync("/api/analytics/ctwa/conversions", """{ "waId": "447700900123", "value": 10 }""", ["$.currency"]);

        using var notJson = await Http.PostAsync("/api/analytics/ctwa/clicks", new StringContent("sourceId=1", Encoding.UTF8, "text/plain"));
        await ProblemAssert.IsProblem(notJson, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Random_ids_in_queries_and_bodies_get_no_server_error()
    {
        var random = new Random(6206);
        for (var i = 0; i < 240; i++)
        {
            var id = PathFuzz.RandomText(random);
            using var request = (i % 4) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, $"/api/analytics/ctwa?sourceId={Uri.EscapeDataString(id)}"),
                1 => Post("/api/analytics/ctwa/clicks", new JsonObject { ["sourceId"] = id, ["ctwaClid"] = PathFuzz.RandomText(random), ["campaign"] = PathFuzz.RandomText(random) }),
                2 => Post("/api/analytics/ctwa/clicks", new JsonObject { ["clicks"] = new JsonArray(new JsonObject { ["sourceId"] = id }, new JsonObject { ["sourceId"] = "1", ["ctwaClid"] = id }) }),
                _ => Post("/api/analytics/ctwa/conversions", new JsonObject { ["ctwaClid"] = id }),
            };
            await PathFuzz.AssertNoServerErrorAsync(Http, request);
        }
    }

    [Fact]
    public async Task The_openapi_document_lists_the_ctwa_routes_behind_the_function_key()
    {
        var operations = Operations(await GetAsync(fixture.Hub, OpenApi3Path));
        foreach (var id in new[] { "GetCtwaMetrics", "TrackCtwaClick", "TrackCtwaConversion" })
        {
            Assert.True(operations.TryGetValue(id, out var operation), $"No operation {id}.");
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("FunctionKey", out _), id);
            Assert.Contains("Click-to-WhatsApp", operation.GetProperty("summary").GetString());
        }
        Assert.True(operations["TrackCtwaClick"].GetProperty("responses").TryGetProperty("201", out _));
    }

    private async Task FromAdAsync(string contact, string sourceId, string clid, int copies = 1) =>
        await fixture.PublishAsync("referral", $$"""{ "from": "{{contact}}", "referral": { "source_id": "{{sourceId}}", "ctwa_clid": "{{clid}}" } }""", copies);

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string path, string body)
    {
        using var response = await Http.PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {text}");
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    private async Task AssertRefusedAsync(string path, string body, string[] errorPaths)
    {
        using var response = await Http.PostAsync(path, Json(body));
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(errorPaths, ProblemAssert.ErrorPaths(problem).Order(StringComparer.Ordinal));
    }

    private async Task<JsonObject> MetricsAsync(string query) =>
        (await Http.GetFromJsonAsync<JsonObject>($"/api/analytics/ctwa?{query}"))!;

    private static JsonObject Ad(JsonObject metrics, string sourceId) =>
        metrics["ads"]!.AsArray().Single(a => (string?)a!["sourceId"] == sourceId)!.AsObject();

    private static (long, long, long, long) Steps(JsonObject ad) =>
        ((long)ad["clicks"]!, (long)ad["conversations"]!, (long)ad["replies"]!, (long)ad["conversions"]!);

    private static (double, double, double, double) Rates(JsonObject ad)
    {
        var r = ad["rates"]!;
        return ((double)r["conversationsPerClick"]!, (double)r["repliesPerConversation"]!, (double)r["conversionsPerConversation"]!, (double)r["conversionsPerClick"]!);
    }

    private static HttpRequestMessage Post(string path, JsonObject body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };

    private static string NewAd() => "1202" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);

    private static string NewClid() => "ARA" + Guid.NewGuid().ToString("N");

    private static string Contact() => "4477009" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
}
