using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Functions.Tests.Workflows;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// A welcome sequence whose step is a stored template with its values: a template the account lacks, or values that do
/// not bind, are refused when the sequence is written; a good one reaches the sandbox bound when a contact clicks.
/// </summary>
[Collection("Templates")]
public class WelcomeTemplateStepTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    private static JsonObject TemplateStep(string name, JsonObject values) => new()
    {
        ["delaySeconds"] = 0,
        ["template"] = new JsonObject { ["name"] = name, ["language"] = "en_GB", ["values"] = values },
    };

    private static JsonObject GoodValues() => new()
    {
        ["header"] = new JsonObject { ["order_id"] = "AB9" },
        ["body"] = new JsonObject { ["first_name"] = "Priya", ["eta"] = "Tuesday" },
        ["buttons"] = new JsonArray(new JsonObject { ["index"] = 0, ["value"] = "AB9" }),
    };

    [Fact]
    public async Task A_template_step_is_sent_bound_to_the_stored_template_when_the_contact_clicks()
    {
        var name = TemplateDefinitions.UniqueName("welcome_tpl");
        using (var created = await Http.PostAsync("/api/templates", TemplateLifecycleTests.Json(TemplateDefinitions.Utility(name, "en_GB"))))
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "APPROVED");
        var ad = "ad-" + Guid.NewGuid().ToString("N")[..10];
        var sequence = new JsonObject
        {
            ["name"] = "tpl-" + Guid.NewGuid().ToString("N")[..10],
            ["adSourceIds"] = new JsonArray(ad),
            ["steps"] = new JsonArray(TemplateStep(name, GoodValues())),
        };
        await WelcomeTraffic.CreateAsync(Http, sequence);

        var contact = "+4477021" + Random.Shared.Next(100000, 999999);
        await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad);
        JsonNode? template = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && template is null; await Task.Delay(200))
        {
            var sends = await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, contact);
            if (sends.Count > 0) template = JsonNode.Parse(Assert.Single(sends).GetProperty("message").GetProperty("template").GetRawText());
        }
        Assert.NotNull(template);
        Assert.Equal(name, (string?)template!["name"]);
        Assert.Contains("Priya", template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_template_or_values_that_do_not_bind_are_named_when_the_sequence_is_written()
    {
        var name = TemplateDefinitions.UniqueName("welcome_bad");
        using (var created = await Http.PostAsync("/api/templates", TemplateLifecycleTests.Json(TemplateDefinitions.Utility(name, "en_GB"))))
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await fixture.WaitForAsync(name, "en_GB", t => t["definition"] is not null || t["status"] is not null);
        var sequence = new JsonObject
        {
            ["name"] = "tpl-bad-" + Guid.NewGuid().ToString("N")[..8],
            ["isDefault"] = true,
            ["steps"] = new JsonArray(TemplateStep("no_such_template_here", GoodValues()), TemplateStep(name, new JsonObject { ["body"] = new JsonObject { ["first_name"] = "P" } })),
        };
        using var response = await Http.PostAsJsonAsync("/api/welcome-sequences", sequence);
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        var paths = ProblemAssert.ErrorPaths(problem).ToList();
        Assert.Contains("$.steps[0].template.name", paths);
        Assert.Contains(paths, p => p.StartsWith("$.steps[1].template.values", StringComparison.Ordinal));
    }
}
