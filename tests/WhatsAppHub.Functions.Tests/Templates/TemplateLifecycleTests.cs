using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// Create → list → get → update → delete through the hub and the sandbox, for each category and a carousel: the row
/// follows EUM (ids, statuses, the definition) and the sandbox's review webhook moves it to APPROVED by itself.
/// </summary>
[Collection("Templates")]
public class TemplateLifecycleTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Theory]
    [InlineData("UTILITY")]
    [InlineData("MARKETING")]
    [InlineData("AUTHENTICATION")]
    [InlineData("CAROUSEL")]
    public async Task A_template_goes_through_create_list_get_update_and_delete(string kind)
    {
        var name = TemplateDefinitions.UniqueName(kind.ToLowerInvariant());
        var (definition, category, language) = kind switch
        {
            "UTILITY" => (TemplateDefinitions.Utility(name), "UTILITY", "en_GB"),
            "MARKETING" => (TemplateDefinitions.Marketing(name), "MARKETING", "en"),
            "AUTHENTICATION" => (TemplateDefinitions.Authentication(name), "AUTHENTICATION", "en_US"),
            _ => (TemplateDefinitions.Carousel(name), "MARKETING", "en_GB"),
        };

        using var created = await Http.PostAsync("/api/templates", Json(definition));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal($"/api/templates/{name}?language={language}", created.Headers.Location?.OriginalString);
        var template = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("PENDING", (string?)template["status"]);
        Assert.False((bool)template["sendable"]!);
        Assert.Equal(category, (string?)template["category"]);
        Assert.Matches("^[0-9]+$", (string?)template["metaTemplateId"]);
        Assert.Equal(TemplatesFixture.WabaId, (string?)template["wabaId"]);
        Assert.Equal(JsonNode.Parse(definition)!["components"]!.ToJsonString(), template["definition"]!["components"]!.ToJsonString());

        // The sandbox reviews it and publishes the webhook; the hub's row follows without being asked.
        var approved = await fixture.WaitForAsync(name, language, t => (string?)t["status"] == "APPROVED");
        Assert.True((bool)approved["sendable"]!);
        Assert.Contains(approved["history"]!.AsArray(), h => (string?)h!["value"] == "APPROVED" && (string?)h["source"] == "webhook");

        var listed = await Http.GetFromJsonAsync<JsonObject>($"/api/templates?category={category.ToLowerInvariant()}&status=approved&language={language}&name={name}");
        var item = Assert.Single(listed!["templates"]!.AsArray())!;
        Assert.Equal(name, (string?)item["name"]);
        Assert.Null(item["definition"]); // listings stay small
        var otherCategory = category == "UTILITY" ? "MARKETING" : "UTILITY";
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>($"/api/templates?category={otherCategory}&name={name}"))!["templates"]!.AsArray());
        var allLanguages = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}");
        Assert.Equal(language, (string?)Assert.Single(allLanguages!["templates"]!.AsArray())!["language"]);

        var edited = TemplateDefinitions.EditedComponents(category);
        using var updated = await Http.PutAsync($"/api/templates/{name}?language={language}", Json($$"""{ "components": {{edited}} }"""));
        var updatedBody = await updated.Content.ReadAsStringAsync();
        Assert.True(updated.StatusCode == HttpStatusCode.OK, updatedBody);
        var afterEdit = JsonNode.Parse(updatedBody)!;
        Assert.Equal("PENDING", (string?)afterEdit["status"]); // an edit goes back to review
        Assert.Equal(JsonNode.Parse(edited)!.ToJsonString(), afterEdit["definition"]!["components"]!.ToJsonString());
        await fixture.WaitForAsync(name, language, t => (string?)t["status"] == "APPROVED");

        using var deleted = await Http.DeleteAsync($"/api/templates/{name}?language={language}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await Http.GetAsync($"/api/templates/{name}?language={language}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Null(await fixture.Templates.GetAsync(TemplateKeys.Partition(TemplatesFixture.WabaId), TemplateKeys.Row(name, language)));
        // Gone from EUM too: deleting again finds nothing there.
        using var again = await Http.DeleteAsync($"/api/templates/{name}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Deleting_without_a_language_removes_every_language_of_the_name()
    {
        var name = TemplateDefinitions.UniqueName("two_languages");
        foreach (var language in new[] { "en_GB", "pt_BR" })
        {
            using var created = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name, language)));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}"))!["templates"]!.AsArray().Count);

        using var deleted = await Http.DeleteAsync($"/api/templates/{name}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await Http.GetAsync($"/api/templates/{name}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var sync = await Http.PostAsync("/api/templates/sync", null);
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
        using var stillGone = await Http.GetAsync($"/api/templates/{name}");
        Assert.Equal(HttpStatusCode.NotFound, stillGone.StatusCode); // EUM has neither language either
    }

    [Fact]
    public async Task Deleting_one_language_keeps_the_others()
    {
        var name = TemplateDefinitions.UniqueName("keep_one");
        foreach (var language in new[] { "en_GB", "es" })
        {
            using var created = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name, language)));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var deleted = await Http.DeleteAsync($"/api/templates/{name}?language=es");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Http.PostAsync("/api/templates/sync", null);
        var left = (await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}"))!["templates"]!.AsArray();
        Assert.Equal("en_GB", (string?)Assert.Single(left)!["language"]);
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
