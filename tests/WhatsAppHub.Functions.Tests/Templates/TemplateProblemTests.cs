using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// What the template routes refuse: broken definitions (one entry per rule, EUM never called), bad query and route
/// values, edits Meta would refuse, and EUM's own refusals mapped to problem documents.
/// </summary>
[Collection("Templates")]
public class TemplateProblemTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task A_broken_definition_is_refused_with_one_error_per_rule_before_EUM_is_called()
    {
        var before = await fixture.EumCallsAsync("CreateWhatsAppMessageTemplate");
        var footer = new string('f', 61);
        using var response = await Http.PostAsync("/api/templates", Json($$"""
            { "name": "Spring-Sale", "language": "english", "category": "PROMO",
              "components": [ { "type": "BODY", "text": "Hello" }, { "type": "FOOTER", "text": "{{footer}}" } ] }
            """));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("rule").GetString()}").ToList();
        Assert.Equal(new[] { "$.category enum", "$.components[1].text maxLength", "$.language maxLength", "$.name pattern" }, errors.Order());
        Assert.Equal(before, await fixture.EumCallsAsync("CreateWhatsAppMessageTemplate"));
    }

    [Fact]
    public async Task Bad_query_and_route_values_name_each_field()
    {
        using var list = await Http.GetAsync("/api/templates?status=LIVE&category=promo&language=en-US&limit=0&continuation=zz&sync=maybe&waba=acct-1");
        var problem = await ProblemAssert.IsProblem(list, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            ["query.category", "query.continuation", "query.language", "query.limit", "query.status", "query.sync", "query.waba"],
            ProblemAssert.ErrorPaths(problem).Order());

        using var get = await Http.GetAsync("/api/templates/Not-A-Name?language=x");
        Assert.Equal(["query.language", "route.name"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(get, HttpStatusCode.BadRequest, "validation")).Order());

        using var put = await Http.PutAsync("/api/templates/some_name", Json("""{ "category": "MARKETING" }"""));
        Assert.Equal(["query.language"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(put, HttpStatusCode.BadRequest, "validation")));

        using var library = await Http.GetAsync("/api/templates/library?limit=101");
        Assert.Equal(["query.limit"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(library, HttpStatusCode.BadRequest, "validation")));
    }

    [Fact]
    public async Task An_update_body_names_each_bad_member()
    {
        var name = await CreateApprovedAsync("bad_update");
        using var response = await Http.PutAsync($"/api/templates/{name}?language=en_GB", Json(
            """{ "name": "other", "category": "PROMO", "components": "x", "parameter_format": "loose", "colour": "red" }"""));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.category", "$.colour", "$.components", "$.name", "$.parameter_format"], ProblemAssert.ErrorPaths(problem).Order());
    }

    [Fact]
    public async Task An_edit_Meta_forbids_is_refused_before_EUM_is_called()
    {
        var name = await CreateApprovedAsync("locked_category");
        var before = await fixture.EumCallsAsync("UpdateWhatsAppMessageTemplate");

        // Only a rejected or paused template may change category.
        using var category = await Http.PutAsync($"/api/templates/{name}?language=en_GB", Json("""{ "category": "MARKETING" }"""));
        await ProblemAssert.IsProblem(category, HttpStatusCode.Conflict, "template-category-locked");

        // An approved template takes one edit per 24 hours.
        using var first = await Http.PutAsync($"/api/templates/{name}?language=en_GB", Json($$"""{ "components": {{TemplateDefinitions.EditedComponents("UTILITY")}} }"""));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "APPROVED");
        using var second = await Http.PutAsync($"/api/templates/{name}?language=en_GB", Json($$"""{ "components": {{TemplateDefinitions.EditedComponents("UTILITY")}} }"""));
        var limit = await ProblemAssert.IsProblem(second, HttpStatusCode.TooManyRequests, "template-edit-limit");
        Assert.True(limit.GetProperty("retryable").GetBoolean());

        Assert.Equal(before + 1, await fixture.EumCallsAsync("UpdateWhatsAppMessageTemplate"));
    }

    [Fact]
    public async Task A_template_in_review_cannot_be_edited()
    {
        var name = TemplateDefinitions.UniqueName("in_review");
        using var created = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await Http.PutAsync($"/api/templates/{name}?language=en_GB", Json($$"""{ "components": {{TemplateDefinitions.EditedComponents("UTILITY")}} }"""));

        await ProblemAssert.IsProblem(response, HttpStatusCode.Conflict, "template-not-editable");
    }

    [Fact]
    public async Task EUM_refusing_a_duplicate_is_a_422_and_the_first_template_is_kept()
    {
        var name = await CreateApprovedAsync("duplicate");

        using var again = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name)));

        var problem = await ProblemAssert.IsProblem(again, HttpStatusCode.UnprocessableEntity, "eum-rejected");
        Assert.Equal("InvalidParameters", problem.GetProperty("eumErrorType").GetString());
        var kept = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=en_GB");
        Assert.Equal("APPROVED", (string?)kept!["status"]);
    }

    [Fact]
    public async Task EUM_throttling_is_a_503_and_nothing_is_stored()
    {
        var name = TemplateDefinitions.UniqueName("throttled");
        using var plan = await fixture.Sandbox.Http.PutAsync("/sandbox/faults",
            Json("""{"rules":[{"fault":"throttled","operation":"CreateWhatsAppMessageTemplate","count":20}]}"""));
        plan.EnsureSuccessStatusCode();
        try
        {
            using var response = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name)));

            var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.ServiceUnavailable, "eum-throttled");
            Assert.True(problem.GetProperty("retryable").GetBoolean());
            using var get = await Http.GetAsync($"/api/templates/{name}?language=en_GB");
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }
        finally
        {
            await fixture.Sandbox.Http.DeleteAsync("/sandbox/faults");
        }
    }

    [Fact]
    public async Task Unknown_templates_are_404_problems()
    {
        using var get = await Http.GetAsync("/api/templates/no_such_template_here?language=en");
        await ProblemAssert.IsProblem(get, HttpStatusCode.NotFound, "not-found");
        using var put = await Http.PutAsync("/api/templates/no_such_template_here?language=en", Json("""{ "category": "UTILITY" }"""));
        await ProblemAssert.IsProblem(put, HttpStatusCode.NotFound, "not-found");
        using var delete = await Http.DeleteAsync("/api/templates/no_such_template_here?language=en");
        await ProblemAssert.IsProblem(delete, HttpStatusCode.NotFound, "not-found");
    }

    private async Task<string> CreateApprovedAsync(string stem)
    {
        var name = TemplateDefinitions.UniqueName(stem);
        using var created = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "APPROVED");
        return name;
    }
}
