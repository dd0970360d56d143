using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Functions.Workflows;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// The runner's guarantees against real Azurite and the sandbox: a side effect repeated with its id happens once, a
/// wake-up delivered twice or late moves an instance once, and a queue message it cannot use is set aside with why.
/// </summary>
[Collection("Sns")]
public class WorkflowRunnerTests(SnsFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private IWorkQueue Queue(string name) => new QueueService(StorageConnection.Parse(fixture.Azurite.ConnectionString)).GetQueue(name);

    [Fact]
    public async Task A_send_effect_run_three_times_at_once_with_one_id_sends_one_message()
    {
        var effect = fixture.Hub.Services.GetServices<IWorkflowEffect>().Single(e => e.Kind == SendMessageEffect.Name);
        var contact = "+4477018" + Random.Shared.Next(100000, 999999);
        var body = Unique("effect");
        var payload = new JsonObject
        {
            ["phoneNumberId"] = HubHost.DefaultPhoneNumberId,
            ["message"] = new JsonObject { ["to"] = contact, ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } },
        };
        var effectId = $"WelcomeSequence.{Guid.NewGuid():N}:3";

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => effect.RunAsync(effectId, payload, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Ok, r.Detail));
        Assert.Single(results.Select(r => r.Detail).Distinct());
        var sent = await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 1, Patience);
        await Task.Delay(1500);
        Assert.Equal([body], await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact));
        var message = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{results[0].Detail}");
        Assert.Equal(contact, message.GetProperty("to").GetString());
        Assert.Single(sent);
    }

    [Fact]
    public async Task A_wake_up_delivered_several_times_and_a_stale_one_move_the_instance_once()
    {
        var ad = Unique("ad");
        var marker = Unique("dupwake");
        var name = Unique("seq");
        await WelcomeTraffic.CreateAsync(fixture.Hub.Http, WelcomeTraffic.Sequence(name, marker, ad, 0, 600, 600));
        var contact = "+4477019" + Random.Shared.Next(100000, 999999);
        await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad);
        var id = WelcomeSequenceWorkflow.InstanceId(HubHost.DefaultPhoneNumberId, contact.TrimStart('+'), name);
        var waiting = await WelcomeTraffic.WaitForInstanceAsync(fixture.Hub.Http, id, "waiting", Patience);
        var step = waiting.GetProperty("step").GetInt64();

        // Step 2 is due in ten minutes; its timer arrives now four times over (redeliveries), plus one for a step long gone.
        var queue = Queue(HubQueues.Workflows);
        await queue.PutAsync(new WorkflowWork(id, step - 1, WorkflowWork.Timer).ToJson());
        for (var i = 0; i < 4; i++) await queue.PutAsync(new WorkflowWork(id, step, WorkflowWork.Timer).ToJson());

        var sent = await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 2, Patience);
        await Task.Delay(2500);
        // Step 2 was forced due at once, so its send may overtake step 1's on the outbound queue: what counts is each once.
        Assert.Equal([$"{marker} step 1", $"{marker} step 2"], (await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact)).Order(StringComparer.Ordinal));
        var instance = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/workflows/{id}");
        Assert.Equal(step + 1, instance.GetProperty("step").GetInt64());
        Assert.Equal("waiting", instance.GetProperty("status").GetString());
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public async Task Unreadable_messages_and_wake_ups_for_unknown_instances_go_to_workflows_poison_with_the_reason()
    {
        var queue = Queue(HubQueues.Workflows);
        var unknown = $"WelcomeSequence.{Guid.NewGuid():N}";
        var garbage = "not json " + Unique("poison");
        await queue.PutAsync(garbage);
        await queue.PutAsync(new WorkflowWork(unknown, 0, WorkflowWork.Start).ToJson());

        var poison = Queue(HubQueues.WorkflowsPoison);
        var reasons = new Dictionary<string, string>();
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline && reasons.Count < 2; await Task.Delay(200))
        {
            foreach (var m in await poison.GetAsync(32, TimeSpan.FromSeconds(30)))
            {
                var entry = JsonNode.Parse(m.Text)!;
                var text = entry["text"]!.GetValue<string>();
                if (text == garbage || text.Contains(unknown, StringComparison.Ordinal)) reasons[text == garbage ? "garbage" : "unknown"] = entry["reason"]!.GetValue<string>();
                Assert.Equal(HubQueues.Workflows, entry["queue"]!.GetValue<string>());
            }
        }
        Assert.Contains("not {", reasons["garbage"], StringComparison.Ordinal);
        Assert.Contains(unknown, reasons["unknown"], StringComparison.Ordinal);
    }
}
