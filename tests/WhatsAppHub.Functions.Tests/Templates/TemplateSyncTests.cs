using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>Sync with EUM (templates made elsewhere), Meta's template library, and header media handles.</summary>
[Collection("Templates")]
public class TemplateSyncTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task Sync_imports_templates_made_outside_the_hub_and_drops_deleted_ones()
    {
        // Made in the sandbox directly, as WhatsApp Manager or another tool would: the hub has no row for it.
        var name = TemplateDefinitions.UniqueName("made_elsewhere");
        var id = ResourceIds.NewNumeric(16);
        fixture.Sandbox.Services.GetRequiredService<SandboxWorld>().Locked(w => w.Templates.Add(new MessageTemplate
        {
            MetaTemplateId = id, WabaId = TemplatesFixture.WabaId, Name = name, Language = "de", Category = "MARKETING",
            QualityScore = "GREEN", Components = JsonNode.Parse("""[{"type":"BODY","text":"Hallo!"}]""")!.AsArray(),
        }));
        using var before = await Http.GetAsync($"/api/templates/{name}?language=de");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);

        var result = await (await Http.PostAsync("/api/templates/sync", null)).Content.ReadFromJsonAsync<JsonObject>();
        Assert.True((int)result!["imported"]! >= 1, result.ToJsonString());

        var imported = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=de");
        Assert.Equal(id, (string?)imported!["metaTemplateId"]);
        Assert.Equal(("APPROVED", "MARKETING", "GREEN"), ((string?)imported["status"], (string?)imported["category"], (string?)imported["qualityScore"]));
        Assert.Equal("Hallo!", (string?)imported["definition"]!["components"]![0]!["text"]);
        Assert.NotNull(imported["lastSyncedAt"]);
        // The sandbox's seeded templates come along too.
        Assert.Equal("order_shipped", (string?)(await Http.GetFromJsonAsync<JsonObject>("/api/templates/order_shipped?language=en_US"))!["name"]);

        fixture.Sandbox.Services.GetRequiredService<SandboxWorld>().Locked(w => w.Templates.RemoveAll(t => t.MetaTemplateId == id));
        var second = await Http.GetFromJsonAsync<JsonObject>($"/api/templates?sync=true&name={name}");
        Assert.Empty(second!["templates"]!.AsArray());
        using var after = await Http.GetAsync($"/api/templates/{name}?language=de");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task The_library_is_browsed_and_a_template_is_created_from_it()
    {
        var library = await Http.GetFromJsonAsync<JsonObject>("/api/templates/library?limit=100");
        var entries = library!["templates"]!.AsArray();
        Assert.NotEmpty(entries);
        var source = entries[0]!;
        var libraryName = (string)source["name"]!;
        var filtered = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/library?search={libraryName}");
        Assert.Contains(filtered!["templates"]!.AsArray(), t => (string?)t!["name"] == libraryName);

        var name = TemplateDefinitions.UniqueName("from_library");
        using var created = await Http.PostAsync($"/api/templates/library/{libraryName}", Json($$"""
            { "name": "{{name}}", "language": "en_US", "category": "{{(string)source["category"]!}}",
              "bodyInputs": { "addContactNumber": true } }
            """));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var template = JsonNode.Parse(body)!;
        Assert.Equal(libraryName, (string?)template["libraryTemplateName"]);
        Assert.Equal("PENDING", (string?)template["status"]);
        Assert.Equal((string?)source["body"], (string?)template["definition"]!["components"]!.AsArray().First(c => (string?)c!["type"] == "BODY")!["text"]);
        await fixture.WaitForAsync(name, "en_US", t => (string?)t["status"] == "APPROVED");
    }

    [Fact]
    public async Task A_library_create_names_each_bad_member()
    {
        using var response = await Http.PostAsync("/api/templates/library/x", Json(
            """{ "name": "Bad Name", "language": "en_US", "category": "PROMO", "bodyInputs": { "codeExpirationMinutes": 500 }, "buttonInputs": [ { "url": 3 } ] }"""));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.bodyInputs.codeExpirationMinutes", "$.buttonInputs[0].type", "$.buttonInputs[0].url", "$.category", "$.name"],
            ProblemAssert.ErrorPaths(problem).Order());
    }

    [Fact]
    public async Task An_object_of_the_media_bucket_becomes_a_header_handle()
    {
        using var response = await Http.PostAsync("/api/templates/media", Json("""{ "s3Key": "headers/spring.jpg" }"""));

        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("4::", (string?)body!["headerHandle"]);
        var call = (await fixture.Sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests?operation=CreateWhatsAppMessageTemplateMedia"))![^1]!;
        Assert.Contains(TemplatesFixture.Bucket, call.ToJsonString());

        using var bad = await Http.PostAsync("/api/templates/media", Json("""{ "s3Key": "", "bucket": "someone-elses" }"""));
        Assert.Equal(["$.bucket", "$.s3Key"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(bad, HttpStatusCode.BadRequest, "validation")).Order());
    }
}
