using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Messaging;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Analytics;

/// <summary>
/// The outcome counters through the real send path, the sandbox's signed status webhooks and Azurite: each message
/// counts once per step however often Meta repeats a status, a jump counts the steps between, failures count with
/// their code, and a contact's replies count once on the template (and the campaign) of the message they answer.
/// </summary>
[Collection("Analytics")]
public class OutcomeCounterTests(AnalyticsFixture fixture)
{
    private static readonly DateOnly Yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private static readonly DateOnly Tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    private OutcomeCounter Counter => fixture.Hub.Services.GetRequiredService<OutcomeCounter>();

    [Fact]
    public async Task A_status_delivered_three_times_and_sent_again_counts_once()
    {
        var name = await fixture.CreateTemplateAsync("count_once");
        var to = AnalyticsFixture.NewRecipient();
        var accountBefore = await TotalAsync(OutcomeScope.Account(AnalyticsFixture.WabaId));
        var (_, wamid) = await fixture.SendAsync(name, to);

        // SNS delivers one notification three times; Meta sends the status again in a new webhook; a late 'sent' follows.
        await fixture.PublishAsync("status-delivered", Status(wamid, to), copies: 3);
        await fixture.PublishAsync("status-delivered", Status(wamid, to));
        await fixture.PublishAsync("status-sent", Status(wamid, to), copies: 2);

        var counts = await TemplateAsync(name);
        Assert.Equal((1, 1, 0, 0, 0), (counts.Sent, counts.Delivered, counts.Read, counts.Replied, counts.Failed));
        var account = await TotalAsync(OutcomeScope.Account(AnalyticsFixture.WabaId));
        Assert.Equal((1, 1), (account.Sent - accountBefore.Sent, account.Delivered - accountBefore.Delivered));
    }

    [Fact]
    public async Task A_jump_from_sent_to_read_counts_delivered_too_and_played_counts_as_read()
    {
        var name = await fixture.CreateTemplateAsync("jump");
        var to = AnalyticsFixture.NewRecipient();
        var (_, wamid) = await fixture.SendAsync(name, to);
        await fixture.PublishAsync("status-read", Status(wamid, to), copies: 2);
        await fixture.PublishAsync("status-delivered", Status(wamid, to)); // late: changes nothing

        var (_, played) = await fixture.SendAsync(name, AnalyticsFixture.NewRecipient());
        await fixture.PublishAsync("status-played", Status(played, to));

        var counts = await TemplateAsync(name);
        Assert.Equal((2, 2, 2, 0), (counts.Sent, counts.Delivered, counts.Read, counts.Failed));
    }

    [Fact]
    public async Task A_failure_after_sent_counts_once_with_its_code_and_a_refused_send_with_its_own()
    {
        var name = await fixture.CreateTemplateAsync("failed");
        var to = AnalyticsFixture.NewRecipient();
        var (_, wamid) = await fixture.SendAsync(name, to);
        var failed = Status(wamid, to, """, "errors": [ { "code": 131026, "title": "Message undeliverable" } ]""");
        await fixture.PublishAsync("status-failed", failed, copies: 2);
        await fixture.PublishAsync("status-failed", failed);

        // EUM refuses a send with Meta's 131049: the message fails on the send path, never sent.
        var refused = AnalyticsFixture.NewRecipient();
        using (var plan = await fixture.Sandbox.Http.PutAsync("/sandbox/faults", Json($$"""
            { "rules": [ { "fault": "meta", "metaCode": 131049, "to": "{{RecipientRules.ToWaId(refused)}}", "count": 1 } ] }
            """)))
            Assert.Equal(HttpStatusCode.OK, plan.StatusCode);
        try
        {
            using var sent = await fixture.Hub.Http.PostAsync($"/api/templates/{name}/send?wait=true", Json($$"""
                { "to": "{{refused}}", "language": "en_GB",
                  "values": { "header": { "order_id": "AB9" }, "body": { "first_name": "Priya", "eta": "Tuesday" }, "buttons": [ { "index": 0, "value": "AB9" } ] } }
                """));
            Assert.False(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        }
        finally
        {
            (await fixture.Sandbox.Http.DeleteAsync("/sandbox/faults")).EnsureSuccessStatusCode();
        }

        var counts = await TemplateAsync(name);
        Assert.Equal((1, 0, 2), (counts.Sent, counts.Delivered, counts.Failed));
        Assert.Equal(1, counts.FailedByCode["131026"]);
        Assert.Equal(1, counts.FailedByCode["131049"]);
    }

    [Fact]
    public async Task Replies_count_once_per_message_on_its_template_and_campaign()
    {
        var name = await fixture.CreateTemplateAsync("replied");
        var to = AnalyticsFixture.NewRecipient();
        var (id, wamid) = await fixture.SendAsync(name, to);
        // What a campaign's send writes on its MESSAGE rows (the campaign path sets it at accept).
        var campaign = "cmp-" + Guid.NewGuid().ToString("N")[..12];
        await fixture.Messages.UpsertAsync(new Azure.Tables.TableRow(MessageKeys.MessagePartition(id), MessageKeys.MessageRowKey(id)).Set("campaignId", campaign),
            Azure.Tables.TableUpdateMode.Merge);

        await fixture.PublishAsync("status-delivered", Status(wamid, to));
        // A quick-reply tap (delivered twice), then a typed answer quoting the same message: one reply.
        var context = $$"""{ "from": "{{RecipientRules.ToWaId(to)}}", "context": { "from": "15550100123", "id": "{{wamid}}" } }""";
        await fixture.PublishAsync("button", context, copies: 2);
        await fixture.PublishAsync("text", context);
        // A message that answers nothing of the hub's counts nowhere.
        await fixture.PublishAsync("text", $$"""{ "from": "{{RecipientRules.ToWaId(to)}}" }""");

        var counts = await TemplateAsync(name);
        Assert.Equal((1, 1, 1), (counts.Sent, counts.Delivered, counts.Replied));
        var byCampaign = (await Counter.ReadAsync(OutcomeScope.Campaign(campaign), Yesterday, Tomorrow, CancellationToken.None)).Total;
        Assert.Equal((0, 1, 1), (byCampaign.Sent, byCampaign.Delivered, byCampaign.Replied)); // the campaign id came after the send
    }

    [Fact]
    public async Task Instances_applying_one_status_at_the_same_moment_count_it_once()
    {
        var name = await fixture.CreateTemplateAsync("racing");
        var to = AnalyticsFixture.NewRecipient();
        var (_, wamid) = await fixture.SendAsync(name, to);
        var handler = fixture.Hub.Services.GetRequiredService<WhatsAppHub.Functions.Inbound.StatusWebhookHandler>();
        var read = new Core.Inbound.StatusUpdate(new Core.Inbound.ChangeMetadata(null, null), wamid, "read", DateTimeOffset.UtcNow,
            RecipientRules.ToWaId(to), null, null, null, null, null, [], "{}");

        // Eight handlers at once, as instances sharing the storage account would: the row's ETag lets one move it.
        var moved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => handler.ApplyAsync(read, CancellationToken.None))));

        Assert.Single(moved, m => m);
        var counts = await TemplateAsync(name);
        Assert.Equal((1, 1, 1), (counts.Sent, counts.Delivered, counts.Read));
    }

    [Fact]
    public async Task Counters_of_several_instances_flushing_together_lose_no_count()
    {
        var store = fixture.Hub.Services.GetRequiredService<OutcomeStore>();
        var wabas = fixture.Hub.Services.GetRequiredService<WhatsAppHub.Functions.Templates.WabaResolver>();
        var campaign = "cmp-" + Guid.NewGuid().ToString("N")[..12];
        var counters = Enumerable.Range(0, 4).Select(_ => new OutcomeCounter(store, wabas, NullLogger<OutcomeCounter>.Instance)).ToList();
        var now = DateTimeOffset.UtcNow;
        try
        {
            // Each of four "instances" counts 25 sends and flushes after every five, all at the same time, onto one campaign and day.
            await Task.WhenAll(counters.Select(counter => Task.Run(async () =>
            {
                for (var i = 0; i < 25; i++)
                {
                    counter.Count(MessageStatus.Sending, Message(campaign, now, MessageStatus.Sent));
                    if (i % 5 == 4) await counter.FlushAsync(CancellationToken.None);
                }
            })));
        }
        finally
        {
            foreach (var counter in counters) await counter.DisposeAsync();
        }

        var counts = (await Counter.ReadAsync(OutcomeScope.Campaign(campaign), Yesterday, Tomorrow, CancellationToken.None)).Total;
        Assert.Equal((100, 0), (counts.Sent, counts.Delivered));
    }

    [Fact]
    public async Task Counts_pending_at_shutdown_are_written()
    {
        // Counts gather in memory between flushes; stopping the hub must write them (DisposeAsync), not drop them.
        var store = fixture.Hub.Services.GetRequiredService<OutcomeStore>();
        var wabas = fixture.Hub.Services.GetRequiredService<WhatsAppHub.Functions.Templates.WabaResolver>();
        var campaign = "cmp-" + Guid.NewGuid().ToString("N")[..12];
        var counter = new OutcomeCounter(store, wabas, NullLogger<OutcomeCounter>.Instance);
        counter.Count(MessageStatus.Sending, Message(campaign, DateTimeOffset.UtcNow, MessageStatus.Read));
        await counter.DisposeAsync();

        var counts = (await Counter.ReadAsync(OutcomeScope.Campaign(campaign), Yesterday, Tomorrow, CancellationToken.None)).Total;
        Assert.Equal((1, 1, 1), (counts.Sent, counts.Delivered, counts.Read));
    }

    private static MessageRecord Message(string campaign, DateTimeOffset at, MessageStatus status) =>
        new(Guid.CreateVersion7().ToString("N"), MessageDirection.Outbound, Support.HubHost.DefaultPhoneNumberId, "+447700900001",
            "template", status, "{}", at, at, SentAt: at, Template: new TemplateDetails("analytics_unit", "en", "UTILITY", campaign));

    private Task<OutcomeTally> TemplateAsync(string name) => TotalAsync(OutcomeScope.Template(AnalyticsFixture.WabaId, name, "en_GB"));

    private async Task<OutcomeTally> TotalAsync(OutcomeScope scope) =>
        (await Counter.ReadAsync(scope, Yesterday, Tomorrow, CancellationToken.None)).Total;

    /// <summary>A status of the hub's own message, as Meta would send it to the recipient.</summary>
    private static string Status(string wamid, string to, string extra = "") =>
        $$"""{ "id": "{{wamid}}", "recipient_id": "{{RecipientRules.ToWaId(to)}}"{{extra}} }""";
}
