using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Functions.Tests.Subscriptions;

namespace WhatsAppHub.Functions.Tests.Inbound;

/// <summary>
/// The whole inbound path as a user meets it: the sandbox publishes every inbound type as a signed SNS notification,
/// the hub verifies, stores, parses and records it (MESSAGE rows, the event history), statuses move the hub's own
/// messages forward whatever order they arrive in, and a subscriber receives the normalized events, signed.
/// </summary>
[Collection("Sns")]
public class InboundEndToEndTests(SnsFixture fixture)
{
    private const string Waba = "102290129340398"; // the sandbox's Meta WABA id
    private const string Secret = "whsec-end-to-end-0123456789";

    [Fact]
    public async Task Every_inbound_type_the_sandbox_publishes_is_parsed_without_remainder_and_stored()
    {
        var catalog = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/inbound");
        var types = (catalog.ValueKind == JsonValueKind.Array ? catalog : catalog.GetProperty("types")).EnumerateArray()
            .Select(t => (Type: t.GetProperty("type").GetString()!, Field: t.GetProperty("field").GetString()!)).ToList();
        Assert.True(types.Count >= 40, $"The sandbox lists {types.Count} inbound types.");

        foreach (var (type, field) in types)
        {
            var published = await PublishAsync(type);
            var snsMessageId = published["events"]![0]!["snsMessageId"]!.GetValue<string>();
            var wamid = published["events"]![0]!["wamid"]?.GetValue<string>();
            var row = await WaitForProcessedAsync(snsMessageId);
            Assert.True(row.GetString("stage") == "processed", $"{type}: {row.GetString("processError")}");
            Assert.True(row.GetInt32("unknown") == 0, $"{type}: parts of the event were not understood.");
            Assert.True(row.GetInt32("events") >= 1, $"{type}: no normalized event was recorded.");

            if (type.StartsWith("status-", StringComparison.Ordinal))
            {
                var status = type["status-".Length..];
                Assert.Contains(await EventsAsync($"status.{status}"), e => e.GetProperty("id").GetString() == $"status:{wamid}:{status}");
            }
            else if (type.StartsWith("payment-", StringComparison.Ordinal))
            {
                // A payment status names the sandbox's order; it is an event, never a message or a message status.
                var status = type["payment-".Length..];
                Assert.Contains(await EventsAsync($"payment.{status}"), e => e.GetProperty("data").GetProperty("referenceId").GetString() == "sandbox-order-1");
            }
            else if (type == "errors")
            {
                Assert.NotEmpty(await EventsAsync("error"));
            }
            else if (field != "messages")
            {
                Assert.Contains(await EventsAsync($"account.{field}"), e => e.GetProperty("data").GetProperty("field").GetString() == field);
            }
            else
            {
                var message = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{Uri.EscapeDataString(wamid!)}");
                Assert.Equal("inbound", message.GetProperty("direction").GetString());
                Assert.Equal("received", message.GetProperty("status").GetString());
                Assert.Contains(await EventsAsync("message.received"), e => e.GetProperty("id").GetString() == $"message:{wamid}");
            }
        }
    }

    [Fact]
    public async Task Three_deliveries_of_one_message_and_reversed_statuses_leave_one_set_of_rows_and_the_latest_status()
    {
        var from = "+4477009" + Random.Shared.Next(10000, 99999);
        var written = await PublishAsync("text", new JsonObject { ["from"] = from, ["text"] = new JsonObject { ["body"] = "Three times" } }, "?copies=3");
        var wamid = written["events"]![0]!["wamid"]!.GetValue<string>();
        Assert.Equal(3, written["deliveries"]!.AsArray().Count);
        await WaitForProcessedAsync(written["events"]![0]!["snsMessageId"]!.GetValue<string>());

        var waId = from.TrimStart('+');
        var conversation = await WaitForAsync($"/api/conversations/{waId}", c => c.GetProperty("unreadCount").GetInt32() >= 1);
        Assert.Equal(1, conversation.GetProperty("unreadCount").GetInt32());
        var messages = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{waId}/messages");
        Assert.Single(Items(messages), m => m.GetProperty("wamid").GetString() == wamid);

        // The hub sends to that contact; Meta's statuses then arrive newest first.
        var accepted = await fixture.Hub.Http.PostAsJsonAsync("/api/messages?wait=true", new { to = from, type = "text", text = new { body = "Thanks!" } });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var sent = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var ours = sent.GetProperty("wamid").GetString()!;
        var batch = new JsonObject
        {
            ["order"] = "reverse",
            ["events"] = new JsonArray(
                new JsonObject { ["type"] = "status-sent", ["body"] = new JsonObject { ["id"] = ours, ["from"] = from } },
                new JsonObject { ["type"] = "status-delivered", ["body"] = new JsonObject { ["id"] = ours, ["from"] = from } },
                new JsonObject { ["type"] = "status-read", ["body"] = new JsonObject { ["id"] = ours, ["from"] = from } }),
        };
        using var reversed = await fixture.Sandbox.Http.PostAsJsonAsync("/sandbox/inbound", batch);
        Assert.Equal(HttpStatusCode.OK, reversed.StatusCode);
        var published = (await reversed.Content.ReadFromJsonAsync<JsonNode>())!;
        foreach (var e in published["events"]!.AsArray()) await WaitForProcessedAsync(e!["snsMessageId"]!.GetValue<string>());

        var id = sent.GetProperty("id").GetString()!;
        var row = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        Assert.Equal("read", row.GetProperty("status").GetString());
        var history = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/statuses");
        var statuses = Items(history).Select(s => s.GetProperty("status").GetString()).ToList();
        Assert.Equal(["sent", "delivered", "read"], statuses.Where(s => s is "sent" or "delivered" or "read").Distinct());
    }

    [Fact]
    public async Task A_subscriber_receives_a_contacts_message_as_a_signed_normalized_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = receiver.Endpoint();
        using var created = await fixture.Hub.Http.PostAsJsonAsync("/api/subscriptions", new { endpoint, events = new[] { "message.*" }, secret = Secret });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        try
        {
            var published = await PublishAsync("text", new JsonObject { ["text"] = new JsonObject { ["body"] = "Is size M back?" } });
            var wamid = published["events"]![0]!["wamid"]!.GetValue<string>();
            await PublishAsync("status-read"); // filtered out: the subscription asked for messages only

            var received = (await receiver.WaitForAsync(endpoint, 1)).Single();
            var timestamp = received.Header("X-WhatsAppHub-Timestamp")!;
            Assert.True(WebhookSignature.Verify(Secret, timestamp, received.Header("X-WhatsAppHub-Signature"), received.Body,
                DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
            var body = JsonDocument.Parse(received.Body).RootElement;
            Assert.Equal("message.received", body.GetProperty("type").GetString());
            Assert.Equal($"message:{wamid}", body.GetProperty("id").GetString());
            Assert.Equal(Waba, body.GetProperty("wabaId").GetString());
            Assert.Contains("Is size M back?", body.GetProperty("data").GetRawText(), StringComparison.Ordinal);

            await Task.Delay(500);
            Assert.Single(receiver.Received(endpoint));
        }
        finally
        {
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await fixture.Hub.Http.DeleteAsync($"/api/subscriptions/{id}");
        }
    }

    private async Task<JsonNode> PublishAsync(string type, JsonObject? body = null, string query = "")
    {
        using var response = await fixture.Sandbox.Http.PostAsJsonAsync($"/sandbox/inbound/{type}{query}", body ?? new JsonObject());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{type}: {await response.Content.ReadAsStringAsync()}");
        var published = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.All(published["deliveries"]!.AsArray(), d => Assert.Equal(200, d!["hubStatus"]!.GetValue<int>()));
        return published;
    }

    private Task<Azure.Tables.TableRow> WaitForProcessedAsync(string snsMessageId) =>
        fixture.Events.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(20));

    private async Task<List<JsonElement>> EventsAsync(string type) =>
        Items(await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/events?waba={Waba}&type={type}&limit=200")).ToList();

    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var response = await fixture.Hub.Http.GetAsync(path);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<JsonElement>() is var view && done(view)) return view;
        }
        throw new TimeoutException($"{path} did not reach the expected state.");
    }

    private static IEnumerable<JsonElement> Items(JsonElement page) =>
        (page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("items")).EnumerateArray();
}
