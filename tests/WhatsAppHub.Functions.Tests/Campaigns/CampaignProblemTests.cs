using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Campaigns.CampaignsFixture;

namespace WhatsAppHub.Functions.Tests.Campaigns;

/// <summary>
/// Bad campaigns are refused before anything is stored or sent, with one problem-document entry per broken rule named
/// by its path (each bad recipient by its index), capped so a huge broken audience still gets a readable answer; ids,
/// states and templates that do not fit answer 400, 404, 409 or 422, never a 5xx.
/// </summary>
[Collection("Campaigns")]
public class CampaignProblemTests(CampaignsFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task Each_bad_member_and_recipient_is_named_and_nothing_is_sent()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "bad_campaign", "en");
        var numbers = NewNumbers(4);
        var listed = await CampaignCountAsync();

        using var refused = await Http.PostAsync("/api/campaigns", Json($$"""
            { "template": { "name": "{{template}}", "language": "en", "extra": 1 }, "ratePerSecond": 5000,
              "startAt": "2001-01-01T00:00:00Z", "name": 7, "colour": "blue",
              "recipients": [
                { "to": "{{numbers[0]}}", "values": { "body": ["Ann", "Friday"] } },
                { "to": "not a phone", "values": { "body": ["Bo", "Friday"] } },
                { "to": "{{numbers[2]}}", "values": { "body": ["Cy"] } },
                { "to": "{{numbers[3]}}", "values": { "body": ["Di", "Friday"], "header": { "x": "y" } }, "note": 1 },
                "+447700900000"
              ] }
            """));
        var paths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(refused, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Contains("$.template.extra", paths);
        Assert.Contains("$.ratePerSecond", paths);
        Assert.Contains("$.startAt", paths);
        Assert.Contains("$.name", paths);
        Assert.Contains("$.colour", paths);
        Assert.Contains("$.recipients[1].to", paths);
        Assert.Contains(paths, p => p.StartsWith("$.recipients[2].values.body", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.recipients[3].values.header", StringComparison.Ordinal));
        Assert.Contains("$.recipients[3].note", paths);
        Assert.Contains("$.recipients[4]", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("$.recipients[0]", StringComparison.Ordinal));

        // Other campaigns of the collection may still be sending, so the sandbox is asked about these numbers only.
        await Task.Delay(1000);
        var sends = await fixture.SandboxSendsByNumberAsync();
        Assert.All(numbers, n => Assert.False(sends.ContainsKey(Core.Messaging.RecipientRules.ToWaId(n))));
        Assert.Equal(listed, await CampaignCountAsync());
    }

    [Fact]
    public async Task A_huge_broken_audience_gets_a_capped_list_of_errors()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "capped", "en");
        var recipients = string.Join(",", Enumerable.Range(0, 5000).Select(i => $$"""{"to":"x{{i}}"}"""));
        using var refused = await Http.PostAsync("/api/campaigns", Json($$"""{ "template": { "name": "{{template}}", "language": "en" }, "recipients": [{{recipients}}] }"""));
        var problem = await ProblemAssert.IsProblem(refused, HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(101, errors.Count);
        Assert.Equal("$.recipients[0].to", errors[0].GetProperty("path").GetString());
        Assert.Equal("maxErrors", errors[^1].GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Envelope_errors_without_a_template_or_audience()
    {
        using var empty = await Http.PostAsync("/api/campaigns", Json("""{ "recipients": [] }"""));
        var paths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(empty, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Contains("$.template", paths);
        Assert.Contains("$.recipients", paths);

        using var notJson = await Http.PostAsync("/api/campaigns", Json("{"));
        await ProblemAssert.IsProblem(notJson, HttpStatusCode.BadRequest, "validation");
        using var text = await Http.PostAsync("/api/campaigns", new StringContent("to\n+447700900123", Encoding.UTF8, "text/csv"));
        await ProblemAssert.IsProblem(text, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        using var badSender = await Http.PostAsync("/api/campaigns", Json("""
            { "template": { "name": "x", "language": "en" }, "phoneNumberId": "nope", "recipients": [ { "to": "+447700900123" } ] }
            """));
        Assert.Contains("$.phoneNumberId", ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(badSender, HttpStatusCode.BadRequest, "validation")));

        using var tooLate = await Http.PostAsync("/api/campaigns", Json($$"""
            { "template": { "name": "x", "language": "en" }, "startAt": "{{DateTimeOffset.UtcNow.AddDays(40):O}}", "recipients": [ { "to": "+447700900123" } ] }
            """));
        Assert.Contains("$.startAt", ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(tooLate, HttpStatusCode.BadRequest, "validation")));
    }

    [Fact]
    public async Task An_unknown_template_is_a_404_and_an_unapproved_one_a_422()
    {
        using var unknown = await Http.PostAsync("/api/campaigns", Json("""
            { "template": { "name": "never_made_campaign", "language": "en" }, "recipients": [ { "to": "+447700900123" } ] }
            """));
        await ProblemAssert.IsProblem(unknown, HttpStatusCode.NotFound, "not-found");

        // Still in review: refused until Meta approves it.
        var name = Templates.TemplateDefinitions.UniqueName("in_review");
        using var created = await Http.PostAsync("/api/templates", Json(Marketing(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var pending = await Http.PostAsync("/api/campaigns", Json($$"""
            { "template": { "name": "{{name}}", "language": "en" }, "recipients": [ { "to": "+447700900123", "values": { "body": ["A", "B"] } } ] }
            """));
        var problem = await ProblemAssert.IsProblem(pending, HttpStatusCode.UnprocessableEntity, "template-not-sendable");
        Assert.Equal("PENDING", problem.GetProperty("templateStatus").GetString());
    }

    [Fact]
    public async Task A_number_given_twice_is_sent_once()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "duplicates", "en");
        var numbers = NewNumbers(2);
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 10, "recipients": {{Recipients([numbers[0], numbers[1], numbers[0].Replace("+44", "+44 ")])}} }
            """);
        var done = await fixture.WaitForAsync($"/api/campaigns/{created["id"]}", c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(15));
        Assert.Equal((2, 1), ((int)done["counts"]!["queued"]!, (int)done["counts"]!["skippedOther"]!));
        var skipped = Assert.Single(await fixture.RecipientsAsync((string)created["id"]!, "skipped-invalid"));
        Assert.Equal(2, (int)skipped["index"]!);
        Assert.Contains("recipient 0", (string?)skipped["reason"]);
        await ProblemAssert.IsProblem(await Http.PostAsync($"/api/campaigns/{created["id"]}/pause", null), HttpStatusCode.Conflict, "campaign-state");
    }

    [Fact]
    public async Task A_create_repeated_with_its_idempotency_key_makes_one_campaign()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "idempotent", "en");
        var numbers = NewNumbers(3);
        var body = $$"""{ "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 10, "recipients": {{Recipients(numbers)}} }""";
        var key = "campaign-" + Guid.NewGuid().ToString("N");
        var before = await CampaignCountAsync();

        var first = await CreateWithKeyAsync(key, body);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        var second = await CreateWithKeyAsync(key, body);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal((string?)first.Body["id"], (string?)second.Body["id"]);
        Assert.Equal(before + 1, await CampaignCountAsync());

        await fixture.WaitForAsync($"/api/campaigns/{first.Body["id"]}", c => (long?)c["counts"]!["sent"] == 3, TimeSpan.FromSeconds(20));
        var sends = await fixture.SandboxSendsByNumberAsync();
        Assert.All(numbers, n => Assert.Equal(1, sends[Core.Messaging.RecipientRules.ToWaId(n)]));

        var other = await CreateWithKeyAsync(key, body.Replace("\"ratePerSecond\": 10", "\"ratePerSecond\": 9", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal("urn:whatsapphub:problem:idempotency-conflict", (string?)other.Body["type"]);
        var bad = await CreateWithKeyAsync("tab\there", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("header.Idempotency-Key", (string?)bad.Body["errors"]![0]!["path"]);
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> CreateWithKeyAsync(string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns") { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task Ids_and_queries_that_do_not_fit_get_4xx_problems()
    {
        await ProblemAssert.IsProblem(await Http.GetAsync("/api/campaigns/cmp-0123"), HttpStatusCode.BadRequest, "validation");
        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/campaigns/cmp-{new string('a', 32)}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.PostAsync($"/api/campaigns/cmp-{new string('b', 32)}/resume", null), HttpStatusCode.NotFound, "not-found");
        var list = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(await Http.GetAsync("/api/campaigns?status=done&limit=0&continuation=%%"),
            HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Equal(["query.continuation", "query.limit", "query.status"], list.Order());
        var recipients = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(await Http.GetAsync("/api/campaigns/nope/recipients?state=lost&continuation=-1"),
            HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Equal(["query.continuation", "query.state", "route.id"], recipients.Order());

        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var id = Uri.EscapeDataString((i % 2 == 0 ? "cmp-" : "") + new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => (char)random.Next(0x20, 0x2000)).ToArray()));
            if (id.Length == 0) id = "a";
            using var response = (i % 4) switch
            {
                0 => await Http.GetAsync($"/api/campaigns/{id}"),
                1 => await Http.GetAsync($"/api/campaigns/{id}/recipients"),
                2 => await Http.PostAsync($"/api/campaigns/{id}/pause", null),
                _ => await Http.PostAsync($"/api/campaigns/{id}/cancel", null),
            };
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{id}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private async Task<int> CampaignCountAsync()
    {
        var count = 0;
        string? continuation = null;
        do
        {
            var page = (await Http.GetFromJsonAsync<JsonObject>($"/api/campaigns?limit=200{(continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation))}"))!;
            count += page["items"]!.AsArray().Count;
            continuation = (string?)page["continuation"];
        } while (continuation is not null);
        return count;
    }
}
