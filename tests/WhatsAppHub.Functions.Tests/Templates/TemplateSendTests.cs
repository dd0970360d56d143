using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// <c>POST /api/templates/{name}/send</c> end to end: values bound to the stored definition reach the sandbox as the
/// Cloud API template object; wrong values, unknown and paused templates are refused before EUM is called.
/// </summary>
[Collection("Templates")]
public class TemplateSendTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task A_utility_template_with_named_values_reaches_the_sandbox_bound()
    {
        var name = await fixture.CreateApprovedAsync(TemplateDefinitions.Utility, "send_utility", "en_GB");
        var to = TemplatesFixture.NewRecipient();

        using var sent = await Http.PostAsync($"/api/templates/{name}/send?wait=true", Json($$"""
            { "to": "{{to}}", "language": "en_GB",
              "values": { "header": { "order_id": "AB9" }, "body": { "first_name": "Priya", "eta": "Tuesday" },
                          "buttons": [ { "index": 0, "value": "AB9" } ] } }
            """));
        var answer = await sent.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(sent.StatusCode == HttpStatusCode.Created, answer?.ToJsonString());
        Assert.Equal("sent", (string?)answer!["status"]);
        Assert.Equal((name, "en_GB", "UTILITY"), ((string?)answer["template"]!["name"], (string?)answer["template"]!["language"], (string?)answer["template"]!["category"]));

        var template = (await fixture.SandboxTemplateAsync(to)).AsObject();
        Assert.Equal(name, (string?)template["name"]);
        Assert.Equal("en_GB", (string?)template["language"]!["code"]);
        var components = template["components"]!.AsArray();
        Assert.Equal("""[{"type":"text","parameter_name":"order_id","text":"AB9"}]""", TemplatesFixture.Component(components, "header")["parameters"]!.ToJsonString());
        Assert.Equal("""[{"type":"text","parameter_name":"first_name","text":"Priya"},{"type":"text","parameter_name":"eta","text":"Tuesday"}]""",
            TemplatesFixture.Component(components, "body")["parameters"]!.ToJsonString());
        var button = TemplatesFixture.Component(components, "button");
        Assert.Equal(("url", "0"), ((string?)button["sub_type"], button["index"]!.ToJsonString().Trim('"')));
        Assert.Equal("AB9", (string?)button["parameters"]![0]!["text"]);

        // The row keeps which template it came from, for analytics.
        var stored = await Http.GetFromJsonAsync<JsonObject>(sent.Headers.Location!.OriginalString);
        Assert.Equal("UTILITY", (string?)stored!["template"]!["category"]);
    }

    [Fact]
    public async Task An_authentication_code_fills_the_body_and_the_copy_code_button()
    {
        var name = await fixture.CreateApprovedAsync(TemplateDefinitions.Authentication, "send_otp", "en_US");
        var to = TemplatesFixture.NewRecipient();

        using var sent = await Http.PostAsync($"/api/templates/{name}/send/authentication?wait=true", Json($$"""{ "to": "{{to}}", "language": "en_US", "code": "482913" }"""));
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());

        var components = (await fixture.SandboxTemplateAsync(to))["components"]!.AsArray();
        Assert.Equal("""[{"type":"text","text":"482913"}]""", TemplatesFixture.Component(components, "body")["parameters"]!.ToJsonString());
        var button = TemplatesFixture.Component(components, "button");
        Assert.Equal("url", (string?)button["sub_type"]);
        Assert.Equal("482913", (string?)button["parameters"]![0]!["text"]);
    }

    [Fact]
    public async Task The_authentication_route_refuses_a_template_of_another_category()
    {
        var name = await fixture.CreateApprovedAsync(TemplateDefinitions.Utility, "not_otp", "en_GB");
        var calls = await fixture.EumCallsAsync("SendWhatsAppMessage");

        using var sent = await Http.PostAsync($"/api/templates/{name}/send/authentication", Json("""{ "to": "+447700900124", "language": "en_GB", "code": "1234" }"""));
        var problem = await ProblemAssert.IsProblem(sent, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("route.name", ProblemAssert.ErrorPaths(problem));
        Assert.Contains("UTILITY", problem.ToString());
        Assert.Equal(calls, await fixture.EumCallsAsync("SendWhatsAppMessage"));
    }

    [Fact]
    public async Task Wrong_values_are_refused_naming_each_before_eum_is_called()
    {
        var name = await fixture.CreateApprovedAsync(TemplateDefinitions.Utility, "bad_values", "en_GB");
        var to = TemplatesFixture.NewRecipient();
        var calls = await fixture.EumCallsAsync("SendWhatsAppMessage");

        // The header value is missing, 'eta' is missing, 'nickname' is not a variable of the body, 'code' is for authentication.
        using var sent = await Http.PostAsync($"/api/templates/{name}/send", Json($$"""
            { "to": "{{to}}", "language": "en_GB",
              "values": { "body": { "first_name": "Priya", "nickname": "P" }, "buttons": [ { "index": 0, "value": "AB9" } ], "code": "1" } }
            """));
        var problem = await ProblemAssert.IsProblem(sent, HttpStatusCode.BadRequest, "validation");
        var paths = ProblemAssert.ErrorPaths(problem).ToList();
        Assert.All(paths, p => Assert.StartsWith("$.values", p, StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("$.values.header", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.Contains("eta", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.Contains("nickname", StringComparison.Ordinal));
        Assert.Contains("$.values.code", paths);

        // A bad envelope is named with the values.
        using var envelope = await Http.PostAsync($"/api/templates/{name}/send", Json("""{ "to": "not a number", "language": "en_GB", "values": [], "extra": 1 }"""));
        var envelopePaths = ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(envelope, HttpStatusCode.BadRequest, "validation")).ToList();
        Assert.Contains("$.to", envelopePaths);
        Assert.Contains("$.values", envelopePaths);
        Assert.Contains("$.extra", envelopePaths);

        Assert.Equal(calls, await fixture.EumCallsAsync("SendWhatsAppMessage"));
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task An_unknown_template_or_language_is_a_404_with_a_hint_to_sync()
    {
        using var unknown = await Http.PostAsync($"/api/templates/{TemplateDefinitions.UniqueName("never_made")}/send",
            Json("""{ "to": "+447700900125", "language": "en_GB" }"""));
        var problem = await ProblemAssert.IsProblem(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Contains("/api/templates/sync", problem.GetProperty("detail").GetString());

        var name = await fixture.CreateApprovedAsync(TemplateDefinitions.Utility, "other_language", "en_GB");
        using var otherLanguage = await Http.PostAsync($"/api/templates/{name}/send", Json("""{ "to": "+447700900125", "language": "fr" }"""));
        await ProblemAssert.IsProblem(otherLanguage, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_template_paused_by_an_event_is_refused()
    {
        var name = await fixture.CreateApprovedAsync(TemplateDefinitions.Utility, "send_paused", "en_GB");
        var id = (string)(await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=en_GB"))!["metaTemplateId"]!;
        using var paused = await fixture.Sandbox.Http.PostAsync($"/sandbox/templates/{id}/status", Json("""{ "event": "PAUSED", "reason": "LOW_QUALITY" }"""));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "PAUSED");
        var calls = await fixture.EumCallsAsync("SendWhatsAppMessage");

        using var sent = await Http.PostAsync($"/api/templates/{name}/send", Json("""
            { "to": "+447700900126", "language": "en_GB",
              "values": { "header": { "order_id": "AB9" }, "body": { "first_name": "Priya", "eta": "Tuesday" }, "buttons": [ { "index": 0, "value": "AB9" } ] } }
            """));
        var problem = await ProblemAssert.IsProblem(sent, HttpStatusCode.UnprocessableEntity, "template-not-sendable");
        Assert.Equal("PAUSED", problem.GetProperty("templateStatus").GetString());
        Assert.Equal(calls, await fixture.EumCallsAsync("SendWhatsAppMessage"));
    }
}
