using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Functions.Tests.Templates;

namespace WhatsAppHub.Functions.Tests.Campaigns;

/// <summary>
/// A CSV audience uploaded as multipart/form-data: each row's columns are bound to the template by name (header,
/// body, buttons), what the sandbox receives carries each recipient's own values, and a broken file is refused naming
/// each bad row and column before anything is sent.
/// </summary>
[Collection("Campaigns")]
public class CampaignCsvTests(CampaignsFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task Each_csv_row_is_sent_with_its_own_values()
    {
        var template = await fixture.CreateApprovedAsync(n => TemplateDefinitions.Utility(n), "csv_utility", "en_GB");
        var numbers = CampaignsFixture.NewNumbers(3);
        var csv = $""""
            to,header.order_id,body.first_name,body.eta,buttons.0
            {numbers[0]},AB1,Priya,Tuesday,AB1
            "{numbers[1]}",CD2,"Smith, Jo","next week, ""probably""",CD2
            {numbers[2]},EF3,Élodie,today,EF3

            """";
        using var sent = await Http.PostAsync("/api/campaigns", Upload($$"""{"name":"CSV","template":{"name":"{{template}}","language":"en_GB"},"ratePerSecond":10}""", csv));
        var body = await sent.Content.ReadAsStringAsync();
        Assert.True(sent.StatusCode == HttpStatusCode.Created, body);
        var campaign = JsonNode.Parse(body)!;
        Assert.Equal(("csv", 3), ((string?)campaign["source"], (int)campaign["counts"]!["total"]!));
        await fixture.WaitForAsync($"/api/campaigns/{campaign["id"]}", c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(20));
        await fixture.WaitForAsync($"/api/campaigns/{campaign["id"]}", c => (long?)c["counts"]!["sent"] == 3, TimeSpan.FromSeconds(20));

        var second = (await SandboxTemplateAsync(numbers[1]))["components"]!.AsArray();
        Assert.Equal("""[{"type":"text","parameter_name":"order_id","text":"CD2"}]""", Component(second, "header")["parameters"]!.ToJsonString());
        Assert.Equal("""[{"type":"text","parameter_name":"first_name","text":"Smith, Jo"},{"type":"text","parameter_name":"eta","text":"next week, \u0022probably\u0022"}]""",
            Component(second, "body")["parameters"]!.ToJsonString());
        Assert.Equal("CD2", (string?)Component(second, "button")["parameters"]![0]!["text"]);
        var third = (await SandboxTemplateAsync(numbers[2]))["components"]!.AsArray();
        Assert.Equal("Élodie", (string?)Component(third, "body")["parameters"]![0]!["text"]);
    }

    [Fact]
    public async Task A_positional_csv_fills_the_variables_in_order()
    {
        var template = await fixture.CreateApprovedAsync(CampaignsFixture.Marketing, "csv_positional", "en");
        var numbers = CampaignsFixture.NewNumbers(2);
        var csv = $"to,body.2,body.1\r\n{numbers[0]},Friday,Ann\r\n{numbers[1]},Monday,Bo\r\n";
        using var sent = await Http.PostAsync("/api/campaigns", Upload($$"""{"template":{"name":"{{template}}","language":"en"},"ratePerSecond":10}""", csv));
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var id = (string?)(await sent.Content.ReadFromJsonAsync<JsonObject>())!["id"];
        await fixture.WaitForAsync($"/api/campaigns/{id}", c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(20));
        await fixture.WaitForAsync($"/api/campaigns/{id}", c => (long?)c["counts"]!["sent"] == 2, TimeSpan.FromSeconds(20));

        var components = (await SandboxTemplateAsync(numbers[1]))["components"]!.AsArray();
        Assert.Equal("""[{"type":"text","text":"Bo"},{"type":"text","text":"Monday"}]""", Component(components, "body")["parameters"]!.ToJsonString());
    }

    [Fact]
    public async Task A_broken_file_is_refused_naming_each_row_and_column()
    {
        var template = await fixture.CreateApprovedAsync(n => TemplateDefinitions.Utility(n), "csv_broken", "en_GB");
        var numbers = CampaignsFixture.NewNumbers(4);
        // Row 3: not a number. Row 4: no eta. Row 5: one field too few.
        var csv = $"""
            to,header.order_id,body.first_name,body.eta,buttons.0
            {numbers[0]},AB1,Priya,Tuesday,AB1
            call me,AB2,Jo,Monday,AB2
            {numbers[2]},AB3,Sam,,AB3
            {numbers[3]},AB4,Lee,Friday
            """;
        using var refused = await Http.PostAsync("/api/campaigns", Upload($$"""{"template":{"name":"{{template}}","language":"en_GB"} }""", csv));
        var paths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(refused, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Contains("csv.row[3].to", paths);
        Assert.Contains("csv.row[4].body.eta", paths);
        Assert.Contains("csv.row[5]", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("csv.row[2]", StringComparison.Ordinal));

        // Columns that name no value, twice the same, or clashing shapes; and the campaign field's own errors.
        using var header = await Http.PostAsync("/api/campaigns", Upload("""{"template":{"name":"Bad Name","language":"en_GB"},"ratePerSecond":0}""",
            $"to,body.first_name,body.first_name,footer.text,body.1\n{numbers[0]},a,b,c,d\n"));
        var headerPaths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(header, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Contains("csv.column[3]", headerPaths);
        Assert.Contains("csv.column[4]", headerPaths);
        Assert.Contains("csv.column[5]", headerPaths);
        Assert.Contains("$.campaign.template.name", headerPaths);
        Assert.Contains("$.campaign.ratePerSecond", headerPaths);

        using var noTo = await Http.PostAsync("/api/campaigns", Upload($$"""{"template":{"name":"{{template}}","language":"en_GB"} }""", "body.first_name\nPriya\n"));
        Assert.Contains("csv.column", ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(noTo, HttpStatusCode.BadRequest, "validation")));
        using var unclosed = await Http.PostAsync("/api/campaigns", Upload($$"""{"template":{"name":"{{template}}","language":"en_GB"} }""", "to\n\"+44"));
        Assert.Contains("csv", ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(unclosed, HttpStatusCode.BadRequest, "validation")));

        var missingParts = new MultipartFormDataContent { { new StringContent("x"), "extra" } };
        using var noParts = await Http.PostAsync("/api/campaigns", missingParts);
        var partPaths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(noParts, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Equal(["$.campaign", "$.extra", "$.file"], partPaths.Order());

        // Other campaigns of the collection may still be sending, so the sandbox is asked about these numbers only.
        await Task.Delay(1000);
        var sends = await fixture.SandboxSendsByNumberAsync();
        Assert.All(numbers, n => Assert.False(sends.ContainsKey(Core.Messaging.RecipientRules.ToWaId(n))));
    }

    [Fact]
    public async Task Mangled_files_get_a_problem_never_a_server_error()
    {
        var template = await fixture.CreateApprovedAsync(n => TemplateDefinitions.Utility(n), "csv_fuzz", "en_GB");
        var campaign = $$"""{"template":{"name":"{{template}}","language":"en_GB"},"startAt":"{{DateTimeOffset.UtcNow.AddDays(20):O}}"}""";
        const string valid = "to,header.order_id,body.first_name,body.eta,buttons.0,cards.0.body.1,body.2.currency.amount_1000\n+447700900123,AB1,\"Priya, P\",Tuesday,AB1,x,5\n";
        const string pieces = ",\"\n\r.01_abz\u00e9\uFEFF\u0000";
        var random = new Random(4180);
        for (var i = 0; i < 150; i++)
        {
            var text = new System.Text.StringBuilder(valid);
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                var at = random.Next(text.Length + 1);
                if (random.Next(3) == 0 && at < text.Length) text.Remove(at, 1);
                else text.Insert(at, pieces[random.Next(pieces.Length)]);
            }
            using var response = await Http.PostAsync("/api/campaigns", Upload(campaign, text.ToString()));
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{text} got {status}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            else
            {
                // Accepted (scheduled far ahead): cancel it so it never sends.
                var id = (string?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"];
                Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"/api/campaigns/{id}/cancel", null)).StatusCode);
            }
        }
    }

    private static MultipartFormDataContent Upload(string campaign, string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { new StringContent(campaign, Encoding.UTF8), "campaign" }, { file, "file", "audience.csv" } };
    }

    private async Task<JsonNode> SandboxTemplateAsync(string to)
    {
        var message = Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to)).GetProperty("message");
        return JsonNode.Parse(message.GetProperty("template").GetRawText())!;
    }

    private static JsonObject Component(JsonArray components, string type) =>
        Assert.Single(components, c => (string?)c!["type"] == type)!.AsObject();
}
