using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging;

/// <summary>
/// Mutated bodies over real HTTP for every typed route (seeded, so a failure reproduces): whatever arrives, the hub
/// answers with a 2xx or a 4xx problem document, never a 5xx of its own.
/// </summary>
[Collection("Hub")]
public class SendFuzzTests(HubFixture fixture)
{
    private const int CasesPerRoute = 2_500;

    [Theory]
    [MemberData(nameof(RouteExamples.FirstPerRoute), MemberType = typeof(RouteExamples))]
    public async Task Mutated_bodies_get_no_server_error(RouteExamples.Example example)
    {
        var route = OutboundRoutes.All.Single(r => r.Path == example.Path);
        var seed = JsonNode.Parse(example.Body)!.AsObject();
        seed["to"] ??= "+447700900123";
        seed["type"] ??= route.Type;
        await fixture.Hub.OpenServiceWindowAsync(seed["to"]!.GetValue<string>());
        var mutator = new JsonMutator(new Random(route.Path.Length * 7919 + route.Path[^1]));
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < CasesPerRoute; i++)
        {
            var body = mutator.Mutate(seed.ToJsonString());
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            // Alternate between the typed route and the any-type route (which needs 'type' in the body).
            var url = i % 2 == 0 ? $"/api/messages/{route.Path}" : "/api/messages";
            using var response = await fixture.Hub.Http.PostAsync(url, content);
            await ProblemAssert.NoServerError(response, $"case {i} to {url} for body {Convert.ToBase64String(body)}", statuses);
        }
        Assert.True(statuses.GetValueOrDefault(202) > 0 && statuses.GetValueOrDefault(400) > 0,
            "the mutations should produce both valid and invalid bodies: " + string.Join(", ", statuses));
    }
}
