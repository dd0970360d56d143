using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// The runner across real processes: a hub killed mid-sequence and started again resumes every contact's sequence with
/// no step sent twice or skipped, and two hubs draining the same queues share 200 sequences without doing a step twice.
/// What counts is what the sandbox was asked to send: each step exactly once. Under this load (two hubs, one-second
/// delays) the outbound queue may hand two steps of one contact to different hubs, so their order is not asserted here
/// (docs/operations.md: order between steps holds when the delay exceeds the send latency).
/// </summary>
[Collection("WorkflowProcesses")]
public class WorkflowProcessTests(WorkflowProcessFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    private static List<string> Contacts(int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => $"+{prefix}{i:D5}").ToList();

    [Fact]
    public async Task A_hub_killed_mid_sequence_and_started_again_resumes_with_no_step_doubled_or_skipped()
    {
        var ad = Unique("ad");
        var marker = Unique("kill");
        await using (var first = await fixture.StartHubAsync())
        {
            await WelcomeTraffic.CreateAsync(first.Http, WelcomeTraffic.Sequence(Unique("seq"), marker, ad, 0, 4, 3));
            var contacts = Contacts(5, "4477016" + Random.Shared.Next(10, 99));
            foreach (var contact in contacts) await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad);
            foreach (var contact in contacts)
                Assert.NotEmpty(await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 1, Patience));

            // Every contact has had step 1 and waits for step 2 on a queue timer: the hub dies without a goodbye.
            first.Kill();
            await Task.Delay(1000);
            await using var second = await fixture.StartHubAsync();

            var expected = new[] { $"{marker} step 1", $"{marker} step 2", $"{marker} step 3" };
            foreach (var contact in contacts)
            {
                var sent = await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 3, Patience);
                Assert.True(expected.SequenceEqual(sent.Order(StringComparer.Ordinal)), $"{contact} got [{string.Join(", ", sent)}].{second.Describe()}");
            }
            await Task.Delay(2000);
            foreach (var contact in contacts) Assert.Equal(3, (await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact)).Count);
        }
    }

    [Fact]
    public async Task Two_hubs_draining_the_same_queues_run_200_sequences_with_no_step_executed_twice()
    {
        var ad = Unique("ad");
        var marker = Unique("pair");
        var name = Unique("seq");
        await using var a = await fixture.StartHubAsync();
        await using var b = await fixture.StartHubAsync(Testing.FreePort.Next());
        await WelcomeTraffic.CreateAsync(a.Http, WelcomeTraffic.Sequence(name, marker, ad, 0, 1, 1));
        var contacts = Contacts(200, "4477017" + Random.Shared.Next(10, 99));

        await Parallel.ForEachAsync(contacts, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (contact, _) => await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad));

        Dictionary<string, List<string>> sent = [];
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            sent = await WelcomeTraffic.SentTextsAsync(fixture.Sandbox.Http);
            if (contacts.All(c => sent.GetValueOrDefault(c.TrimStart('+'))?.Count >= 3)) break;
        }
        await Task.Delay(2000); // a doubled step would show up late
        sent = await WelcomeTraffic.SentTextsAsync(fixture.Sandbox.Http);
        var expected = new[] { $"{marker} step 1", $"{marker} step 2", $"{marker} step 3" };
        var wrong = contacts.Where(c => !expected.SequenceEqual((sent.GetValueOrDefault(c.TrimStart('+')) ?? []).Order(StringComparer.Ordinal))).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of 200 contacts got another series, e.g. {wrong.FirstOrDefault()}: " +
            $"[{string.Join(", ", sent.GetValueOrDefault(wrong.FirstOrDefault()?.TrimStart('+') ?? "") ?? [])}]");

        // Both processes ran transitions: the work was shared, not merely survived by one.
        var runners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var contact in contacts.Take(60))
        {
            var id = WelcomeSequenceWorkflow.InstanceId(HubHost.DefaultPhoneNumberId, contact.TrimStart('+'), name);
            var instance = await a.Http.GetFromJsonAsync<JsonElement>($"/api/workflows/{id}");
            Assert.Equal("completed", instance.GetProperty("status").GetString());
            foreach (var entry in instance.GetProperty("history").EnumerateArray())
                if (entry.TryGetProperty("by", out var by)) runners.Add(by.GetString()!.Split(':')[^1]);
        }
        Assert.Contains(a.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), runners);
        Assert.Contains(b.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), runners);
    }
}
