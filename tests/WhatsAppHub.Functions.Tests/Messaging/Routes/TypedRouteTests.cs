using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Routes;

/// <summary>
/// Every typed route end to end: the example goes through the hub's queued path and the Cloud API JSON the sandbox
/// received carries the same content, the recipient, and the hub's callback data for reconciliation.
/// </summary>
[Collection("Hub")]
public class TypedRouteTests(HubFixture fixture)
{
    private static int _nextRecipient;

    [Fact]
    public void Every_typed_route_has_an_example()
    {
        var missing = OutboundRoutes.All.Select(r => r.Path).Except(RouteExamples.All.Select(e => e.Path)).ToList();
        Assert.True(missing.Count == 0, "routes without an example: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(RouteExamples.Cases), MemberType = typeof(RouteExamples))]
    public async Task The_example_is_sent_and_the_sandbox_receives_its_json(RouteExamples.Example example)
    {
        var route = OutboundRoutes.All.Single(r => r.Path == example.Path);
        var body = JsonNode.Parse(example.Body)!.AsObject();
        var toGroup = body["recipient_type"]?.GetValue<string>() == "group";
        // A group is addressed by its opaque group id (§8.2); each case gets its own so the sandbox's log tells them apart.
        var to = body["to"]?.GetValue<string>()
            ?? (toGroup ? $"Y2FwaV9ncm91cDo{Guid.NewGuid():N}" : $"+1555{7_000_000 + Interlocked.Increment(ref _nextRecipient):D7}");
        body["to"] = to;
        if (example.FreeForm && !toGroup) await fixture.Hub.OpenServiceWindowAsync(to);

        using var response = await fixture.Hub.Http.PostAsync($"/api/messages/{route.Path}?wait=true",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {answer}");
        var sent = JsonDocument.Parse(answer).RootElement;
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        var id = sent.GetProperty("id").GetString();

        var received = JsonNode.Parse((await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to)).Single().GetProperty("message").GetRawText())!;
        Assert.Equal("whatsapp", received["messaging_product"]!.GetValue<string>());
        Assert.Equal(route.Type, received["type"]!.GetValue<string>());
        Assert.Equal(to, received["to"]!.GetValue<string>());
        Assert.Equal(toGroup ? "group" : "individual", received["recipient_type"]!.GetValue<string>());
        var expectedContent = body[route.Type]!.DeepClone();
        if (route.InteractiveType is not null) expectedContent["type"] ??= route.InteractiveType;
        Assert.True(JsonNode.DeepEquals(expectedContent, received[route.Type]),
            $"sent {expectedContent.ToJsonString()}\nreceived {received[route.Type]?.ToJsonString()}");
        Assert.Equal(body["context"]?.ToJsonString(), received["context"]?.ToJsonString());
        var callback = body["biz_opaque_callback_data"]?.GetValue<string>() ?? MessageRecord.CallbackPrefix + id;
        Assert.Equal(callback, received["biz_opaque_callback_data"]!.GetValue<string>());
    }
}
