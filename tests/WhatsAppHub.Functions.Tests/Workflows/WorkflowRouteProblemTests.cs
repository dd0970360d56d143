using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// Bad input to the workflow and welcome-sequence routes: a problem document naming every bad field, 404 for what does
/// not exist, 409 for what clashes, and nothing stored.
/// </summary>
[Collection("Sns")]
public class WorkflowRouteProblemTests(SnsFixture fixture)
{
    private HttpClient Hub => fixture.Hub.Http;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_bad_listing_query_names_each_bad_parameter()
    {
        using var response = await Hub.GetAsync("/api/workflows?type=Nope&status=sleeping&limit=0&continuation=%25%25");
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["query.continuation", "query.limit", "query.status", "query.type"], ProblemAssert.ErrorPaths(problem).Order());
    }

    [Theory]
    [InlineData("nodot")]
    [InlineData("WelcomeSequence.")]
    [InlineData("WelcomeSequence.0123456789abcdef0123456789abcdef")]
    [InlineData("Unknown.abc")]
    [InlineData("WelcomeSequence.a%7Cb")]
    public async Task An_unknown_or_malformed_id_is_404_to_read_and_to_cancel(string id)
    {
        using var read = await Hub.GetAsync($"/api/workflows/{id}");
        await ProblemAssert.IsProblem(read, HttpStatusCode.NotFound, "not-found");
        using var cancel = await Hub.PostAsync($"/api/workflows/{id}/cancel", null);
        await ProblemAssert.IsProblem(cancel, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_bad_sequence_names_every_bad_field_and_is_not_stored()
    {
        var name = Unique("bad");
        var body = "{\"name\":\"" + name + "\"," + """
            "steps":[{"delaySeconds":-5,"message":{"type":"text","text":{}}},{"delaySeconds":1,"message":{"type":"image","image":{"link":"ftp://x"}}}],
             "onReply":"later","adSourceIds":[""],"colour":"red"}
            """;
        using var response = await Hub.PostAsync("/api/welcome-sequences?waba=not-a-waba", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        var paths = ProblemAssert.ErrorPaths(problem).ToList();
        Assert.Contains("query.waba", paths);
        Assert.Contains("$.steps[0].delaySeconds", paths);
        Assert.Contains(paths, p => p.StartsWith("$.steps[0].message.text", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.steps[1].message.image", StringComparison.Ordinal));
        Assert.Contains("$.onReply", paths);
        Assert.Contains("$.adSourceIds[0]", paths);
        Assert.Contains("$.colour", paths);

        using var read = await Hub.GetAsync($"/api/welcome-sequences/{name}");
        await ProblemAssert.IsProblem(read, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Not_json_an_empty_body_and_a_route_name_that_contradicts_the_body_are_refused()
    {
        using var notJson = await Hub.PostAsync("/api/welcome-sequences", new StringContent("{", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        using var contradicts = await Hub.PutAsJsonAsync($"/api/welcome-sequences/{Unique("a")}", WelcomeTraffic.Sequence(Unique("b"), "x", "ad"));
        var problem = await ProblemAssert.IsProblem(contradicts, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("$.name", ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task Sequences_are_created_replaced_listed_and_deleted_and_clashes_are_409()
    {
        var name = Unique("crud");
        var ad = Unique("ad");
        await WelcomeTraffic.CreateAsync(Hub, WelcomeTraffic.Sequence(name, "v1", ad, 0, 60));

        using var again = await Hub.PostAsJsonAsync("/api/welcome-sequences", WelcomeTraffic.Sequence(name, "v1", Unique("ad"), 0));
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "welcome-sequence-exists");
        using var sameAd = await Hub.PostAsJsonAsync("/api/welcome-sequences", WelcomeTraffic.Sequence(Unique("other"), "v1", ad, 0));
        var clash = await ProblemAssert.IsProblem(sameAd, HttpStatusCode.Conflict, "welcome-sequence-conflict");
        Assert.Contains(name, clash.GetProperty("detail").GetString());

        var replaced = WelcomeTraffic.Sequence(name, "v2", ad, 5);
        replaced["onReply"] = "branch";
        replaced["replySteps"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["delaySeconds"] = 0,
            ["message"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "text", ["text"] = new System.Text.Json.Nodes.JsonObject { ["body"] = "thanks" } },
        });
        using var put = await Hub.PutAsJsonAsync($"/api/welcome-sequences/{name}", replaced);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await Hub.GetFromJsonAsync<JsonElement>($"/api/welcome-sequences/{name}");
        Assert.Equal("branch", read.GetProperty("onReply").GetString());
        Assert.Equal("v2 step 1", read.GetProperty("steps")[0].GetProperty("message").GetProperty("text").GetProperty("body").GetString());
        Assert.Single(read.GetProperty("steps").EnumerateArray());
        var list = await Hub.GetFromJsonAsync<JsonElement>("/api/welcome-sequences");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("name").GetString() == name);

        using var deleted = await Hub.DeleteAsync($"/api/welcome-sequences/{name}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await Hub.DeleteAsync($"/api/welcome-sequences/{name}");
        await ProblemAssert.IsProblem(gone, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Random_ids_and_names_in_paths_get_no_server_error()
    {
        var random = new Random(6006);
        string[] shapes = ["WelcomeSequence.", "WORKFLOW|", "WAIT|", "..", "%2F", "", "x", "Welcome."];
        for (var i = 0; i < 300; i++)
        {
            var id = PathFuzz.RandomSegment(random, shapes);
            using var request = (i % 5) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, $"/api/workflows/{id}"),
                1 => new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{id}/cancel"),
                2 => new HttpRequestMessage(HttpMethod.Get, $"/api/welcome-sequences/{id}"),
                3 => new HttpRequestMessage(HttpMethod.Delete, $"/api/welcome-sequences/{id}"),
                _ => new HttpRequestMessage(HttpMethod.Put, $"/api/welcome-sequences/{id}")
                {
                    Content = new StringContent("""{"isDefault":false,"adSourceIds":["fuzz"],"steps":[{"delaySeconds":0,"message":{"type":"text","text":{"body":"x"}}}]}""",
                        Encoding.UTF8, "application/json"),
                },
            };
            await PathFuzz.AssertNoServerErrorAsync(Hub, request);
        }
    }
}
