using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Inbound;

/// <summary>
/// The README's quick start end to end: the sandbox makes the demo contact write (a signed SNS notification to the
/// hub), the hub verifies and applies it, and the text the window refused before now goes out.
/// </summary>
public class DemoContactWritesFirstTests
{
    [Fact]
    public async Task A_text_from_the_sandbox_opens_the_window_for_a_text_send()
    {
        // Its own storage, sandbox and hub: the window must really be enforced, and nothing else may apply the event.
        await using var azurite = new AzuriteProcess();
        await azurite.InitializeAsync();
        var hubPort = FreePort.Next();
        await using var sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{hubPort}/api/eum/events", "Statuses=");
        await using var hub = await HubHost.StartAsync(azurite.ConnectionString, sandbox.BaseUrl,
            $"Sns:AllowedTopicArns={SnsFixture.TopicArn}",
            $"Sns:TrustedTestCertificateHost={new Uri(sandbox.BaseUrl).Authority}",
            "Outbound:EnforceServiceWindow=true",
            $"urls=http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}");
        var text = new { to = "+15555550100", type = "text", text = new { body = "Thanks for writing!" } };

        var refused = await hub.Http.PostAsJsonAsync("/api/messages?wait=true", text);
        await ProblemAssert.IsProblem(refused, HttpStatusCode.UnprocessableEntity, "service-window-closed");

        var published = await sandbox.Http.PostAsync("/sandbox/inbound/text", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var delivery = (await published.Content.ReadFromJsonAsync<JsonNode>())!["deliveries"]![0]!;
        Assert.Equal(200, delivery["hubStatus"]!.GetValue<int>());

        // The hub applies the event from its inbound queue, so the window opens shortly after the 200.
        HttpResponseMessage? sent = null;
        for (var i = 0; i < 100 && sent?.StatusCode != HttpStatusCode.Created; i++)
        {
            if (i > 0) await Task.Delay(100);
            sent = await hub.Http.PostAsJsonAsync("/api/messages?wait=true", text);
        }
        Assert.Equal(HttpStatusCode.Created, sent!.StatusCode);
    }
}
