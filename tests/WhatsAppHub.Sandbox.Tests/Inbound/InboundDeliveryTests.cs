using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests.Inbound;

/// <summary>Deliveries as SNS makes them at its worst: duplicated, late, and out of order, each still genuine.</summary>
public sealed class InboundDeliveryTests(InboundFixture fixture) : IClassFixture<InboundFixture>
{
    [Fact]
    public async Task Copies_are_the_same_sns_message_delivered_again()
    {
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/text?copies=3");
        Assert.Equal(200, status);
        var messageId = answer!["events"]![0]!["snsMessageId"]!.GetValue<string>();
        Assert.Equal(3, answer["deliveries"]!.AsArray().Count);
        Assert.All(answer["deliveries"]!.AsArray(), d => Assert.Equal(messageId, d!["snsMessageId"]!.GetValue<string>()));

        var received = await fixture.ReceivedAsync(messageId);
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Request.Body).Distinct());   // same signature, same wamid: a true duplicate
        Assert.Single(received.Select(r => Assert.Single(r.Parsed.Messages).Wamid).Distinct());
    }

    [Fact]
    public async Task Delay_waits_before_each_delivery()
    {
        var clock = Stopwatch.StartNew();
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/status-delivered?copies=2&delayMs=150");
        Assert.Equal(200, status);
        Assert.True(clock.ElapsedMilliseconds >= 300, $"answered after {clock.ElapsedMilliseconds} ms");
        var times = answer!["deliveries"]!.AsArray().Select(d => d!["time"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(140));
        Assert.Equal(150, answer["delayMs"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("as-given", new[] { "status-sent", "status-delivered", "status-read" })]
    [InlineData("reverse", new[] { "status-read", "status-delivered", "status-sent" })]
    public async Task A_batch_is_delivered_in_the_asked_order(string order, string[] expected)
    {
        const string wamid = "wamid.HBgLMTU1NTU1NTAxMDAVAgARGBJCQVRDSAA=";
        var batch = new JsonObject
        {
            ["order"] = order,
            ["events"] = new JsonArray(new[] { "status-sent", "status-delivered", "status-read" }
                .Select(t => (JsonNode)new JsonObject { ["type"] = t, ["body"] = new JsonObject { ["id"] = wamid } }).ToArray()),
        };
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound", batch.ToJsonString());
        Assert.Equal(200, status);
        Assert.Null(answer!["seed"]);

        var statuses = new List<string>();
        foreach (var delivery in answer["deliveries"]!.AsArray())
        {
            var received = Assert.Single(await fixture.ReceivedAsync(delivery!["snsMessageId"]!.GetValue<string>()));
            var update = Assert.Single(received.Parsed.Statuses);
            Assert.Equal(wamid, update.Wamid);
            statuses.Add(update.Status);
        }
        Assert.Equal(expected.Select(e => e["status-".Length..]), statuses);
        // The hub received them in that order too.
        var arrived = fixture.Hub.Requests.Select(r => r.Headers["x-amz-sns-message-id"]).ToList();
        var ids = answer["deliveries"]!.AsArray().Select(d => d!["snsMessageId"]!.GetValue<string>()).ToList();
        Assert.Equal(ids, arrived.Where(ids.Contains).ToList());
    }

    [Fact]
    public async Task A_seeded_shuffle_replays_the_same_order_with_copies_included()
    {
        var types = new[] { "text", "image", "reaction", "status-read", "errors", "account_update", "calls", "order" };
        async Task<List<string>> Shuffle(int seed)
        {
            var batch = new JsonObject
            {
                ["order"] = "shuffle", ["seed"] = seed, ["copies"] = 2,
                ["events"] = new JsonArray(types.Select(t => (JsonNode)new JsonObject { ["type"] = t }).ToArray()),
            };
            var (status, answer) = await fixture.PostAsync("/sandbox/inbound", batch.ToJsonString());
            Assert.Equal(200, status);
            Assert.Equal(seed, answer!["seed"]!.GetValue<int>());
            var typeOf = answer["events"]!.AsArray().ToDictionary(e => e!["snsMessageId"]!.GetValue<string>(), e => e!["type"]!.GetValue<string>());
            return answer["deliveries"]!.AsArray().Select(d => typeOf[d!["snsMessageId"]!.GetValue<string>()]).ToList();
        }

        var first = await Shuffle(7);
        Assert.Equal(first, await Shuffle(7));
        Assert.Equal(types.SelectMany(t => new[] { t, t }).Order(), first.Order());   // every event, twice
        // Some seed among a few reorders the batch (a shuffle that never moves anything would pass the lines above).
        var asGiven = types.SelectMany(t => new[] { t, t }).ToList();
        var orders = new List<List<string>> { first };
        foreach (var seed in new[] { 1, 2, 3 })
            orders.Add(await Shuffle(seed));
        Assert.Contains(orders, o => !o.SequenceEqual(asGiven));
        Assert.True(orders.Select(o => string.Join(",", o)).Distinct().Count() > 1);
    }

    [Fact]
    public async Task A_batch_without_a_seed_answers_the_one_it_chose()
    {
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound", """{"order":"shuffle","events":[{"type":"text"},{"type":"video"}]}""");
        Assert.Equal(200, status);
        Assert.NotNull(answer!["seed"]);
        Assert.Equal(2, answer["events"]!.AsArray().Count);
        Assert.NotNull(answer["events"]![1]!["mediaId"]);
    }

    [Fact]
    public async Task The_hubs_answers_are_reported_and_a_failing_hub_is_retried()
    {
        await using var hub = await CapturingListener.StartAsync(503, 500);
        await using var sandbox = await SandboxHost.StartAsync($"HubEventsUrl={hub.Url}", "Statuses=", "SnsRetryDelayMs=10");

        var response = await sandbox.Http.PostAsync("/sandbox/inbound/text", null);
        var answer = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        var delivery = Assert.Single(answer["deliveries"]!.AsArray())!;
        Assert.Equal((3, 200, true), (delivery["attempts"]!.GetValue<int>(), delivery["hubStatus"]!.GetValue<int>(), delivery["delivered"]!.GetValue<bool>()));
        Assert.Single(hub.Requests.Select(r => r.Headers["x-amz-sns-message-id"]).Distinct());

        // The delivery log lists it, labelled with the type and wamid.
        var logged = Assert.Single((await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/sns/deliveries"))!)!;
        Assert.Equal($"inbound:text {answer["events"]![0]!["wamid"]!.GetValue<string>()}", logged["label"]!.GetValue<string>());
    }
}
