using System.Net;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// Mutated definitions and edits over real HTTP (seeded, so a failure reproduces): whatever arrives, the template
/// routes answer with a 2xx or a 4xx problem document, never a 5xx of their own.
/// </summary>
[Collection("Templates")]
public class TemplateFuzzTests(TemplatesFixture fixture)
{
    private const int Cases = 800;

    [Fact]
    public async Task Mutated_definitions_get_no_server_error()
    {
        var seed = TemplateDefinitions.Utility(TemplateDefinitions.UniqueName("fuzz"));
        var statuses = await FuzzAsync(seed, 4099, body => fixture.Hub.Http.PostAsync("/api/templates", body));
        Assert.True(statuses.GetValueOrDefault(201) > 0 && statuses.GetValueOrDefault(400) > 0,
            "the mutations should produce both valid and invalid definitions: " + string.Join(", ", statuses));
    }

    [Fact]
    public async Task Mutated_edits_get_no_server_error()
    {
        var name = TemplateDefinitions.UniqueName("fuzz_edit");
        using var created = await fixture.Hub.Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "APPROVED");

        var seed = $$"""{ "category": "UTILITY", "parameter_format": "named", "components": {{TemplateDefinitions.EditedComponents("UTILITY")}} }""";
        var statuses = await FuzzAsync(seed, 6131, body => fixture.Hub.Http.PutAsync($"/api/templates/{name}?language=en_GB", body));
        Assert.True(statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
    }

    private static async Task<Dictionary<int, int>> FuzzAsync(string seed, int randomSeed, Func<HttpContent, Task<HttpResponseMessage>> send)
    {
        var mutator = new JsonMutator(new Random(randomSeed));
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            var body = mutator.Mutate(seed);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await send(content);
            await ProblemAssert.NoServerError(response, $"case {i} for body {Convert.ToBase64String(body)}", statuses);
        }
        return statuses;
    }
}
