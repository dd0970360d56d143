using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// Welcome sequences as a Click-to-WhatsApp advertiser meets them, through the sandbox: a contact taps an ad and writes,
/// the hub sends the ad's sequence step by step, a reply stops it, and the instance shows what happened.
/// </summary>
[Collection("Sns")]
public class WelcomeSequenceEndToEndTests(SnsFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static string NewContact() => "+4477015" + Random.Shared.Next(100000, 999999);

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task A_three_step_sequence_with_delays_runs_to_its_end_once_each()
    {
        var ad = Unique("ad");
        var marker = Unique("full");
        var name = Unique("seq");
        await WelcomeTraffic.CreateAsync(fixture.Hub.Http, WelcomeTraffic.Sequence(name, marker, ad, 0, 2, 2));
        var contact = NewContact();

        var started = DateTime.UtcNow;
        await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad);
        var sent = await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 3, Patience);

        Assert.Equal([$"{marker} step 1", $"{marker} step 2", $"{marker} step 3"], sent);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(4), "The delays between the steps were not kept.");
        var instance = await WelcomeTraffic.WaitForInstanceAsync(fixture.Hub.Http, IdOf(contact, name), "completed", Patience);
        Assert.Equal("finished", instance.GetProperty("outcome").GetString());
        var effects = instance.GetProperty("history").EnumerateArray()
            .Where(h => h.TryGetProperty("effects", out _)).SelectMany(h => h.GetProperty("effects").EnumerateArray()).ToList();
        Assert.Equal(3, effects.Count);
        Assert.All(effects, e => Assert.True(e.GetProperty("ok").GetBoolean()));

        await Task.Delay(1500);
        Assert.Equal(3, (await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact)).Count); // nothing after the end
    }

    [Fact]
    public async Task A_reply_half_way_stops_the_sequence()
    {
        var ad = Unique("ad");
        var marker = Unique("stop");
        var name = Unique("seq");
        await WelcomeTraffic.CreateAsync(fixture.Hub.Http, WelcomeTraffic.Sequence(name, marker, ad, 0, 4, 1));
        var contact = NewContact();

        await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad);
        Assert.Single(await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 1, Patience));
        await WelcomeTraffic.ReplyAsync(fixture.Sandbox.Http, contact, "Yes please, tell me more");

        var instance = await WelcomeTraffic.WaitForInstanceAsync(fixture.Hub.Http, IdOf(contact, name), "completed", Patience);
        Assert.Equal("replied", instance.GetProperty("outcome").GetString());
        await Task.Delay(6000); // past when steps 2 and 3 were due
        Assert.Equal([$"{marker} step 1"], await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact));
    }

    [Fact]
    public async Task A_cancelled_sequence_sends_nothing_more_and_cannot_be_cancelled_twice()
    {
        var ad = Unique("ad");
        var marker = Unique("cancel");
        var name = Unique("seq");
        await WelcomeTraffic.CreateAsync(fixture.Hub.Http, WelcomeTraffic.Sequence(name, marker, ad, 0, 3));
        var contact = NewContact();
        await WelcomeTraffic.ClickAsync(fixture.Sandbox.Http, contact, ad);
        await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 1, Patience);
        var id = IdOf(contact, name);
        var listed = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>("/api/workflows?type=WelcomeSequence&status=waiting&limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        await WelcomeTraffic.WaitForInstanceAsync(fixture.Hub.Http, id, "waiting", Patience);

        using var cancelled = await fixture.Hub.Http.PostAsync($"/api/workflows/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var again = await fixture.Hub.Http.PostAsync($"/api/workflows/{id}/cancel", null);
        await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "workflow-finished");

        await Task.Delay(4500);
        Assert.Equal([$"{marker} step 1"], await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact));
    }

    [Fact]
    public async Task The_same_referral_delivered_three_times_starts_one_run()
    {
        var ad = Unique("ad");
        var marker = Unique("dup");
        await WelcomeTraffic.CreateAsync(fixture.Hub.Http, WelcomeTraffic.Sequence(Unique("seq"), marker, ad, 0));
        var contact = NewContact();
        using var response = await fixture.Sandbox.Http.PostAsJsonAsync("/sandbox/inbound/referral?copies=3",
            new { from = contact, referral = new { source_id = ad } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await WelcomeTraffic.WaitForSentAsync(fixture.Sandbox.Http, contact, s => s.Count >= 1, Patience);
        await Task.Delay(2000);
        Assert.Equal([$"{marker} step 1"], await WelcomeTraffic.SentToAsync(fixture.Sandbox.Http, contact));
    }

    /// <summary>One instance per number, contact and sequence: its id says which.</summary>
    private static string IdOf(string contact, string sequence) =>
        WelcomeSequenceWorkflow.InstanceId(HubHost.DefaultPhoneNumberId, contact.TrimStart('+'), sequence);
}
