using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Campaigns;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Campaigns.CampaignsFixture;

namespace WhatsAppHub.Functions.Tests.Campaigns;

/// <summary>
/// Campaigns run end to end through the real queue, the send path and the sandbox: the pace holds, suppressed contacts
/// (the business's list and a contact's own stop) are skipped and counted, pause stops the sends until resume, cancel
/// ends them, a start time holds them back, and a template paused by Meta pauses the campaign.
/// </summary>
[Collection("Campaigns")]
public class CampaignRunTests(CampaignsFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task A_campaign_of_2000_recipients_completes_skipping_the_suppressed_with_its_counts()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "spring_sale", "en");
        var numbers = NewNumbers(2000);
        // Five on the business's list, one who stopped marketing in WhatsApp.
        var listed = new[] { numbers[3], numbers[500], numbers[1001], numbers[1500], numbers[1999] };
        using var bulk = await Http.PostAsync("/api/suppressions/bulk", Json("""{"entries":[""" +
            string.Join(",", listed.Select(n => $$"""{"phoneNumber":"{{n}}"}""")) + "]}"));
        Assert.True(bulk.StatusCode == HttpStatusCode.OK, await bulk.Content.ReadAsStringAsync());
        var stopped = numbers[42];
        await PublishStopAsync(stopped);

        var created = await fixture.CreateCampaignAsync($$"""
            { "name": "Spring sale", "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 1000,
              "recipients": {{Recipients(numbers)}} }
            """);
        Assert.Equal("running", (string?)created["status"]);
        Assert.Equal(2000, (int)created["counts"]!["total"]!);
        var location = $"/api/campaigns/{created["id"]}";

        // Generous bounds: locally one Azurite process carries the queueing, the sends and 6,000 status webhooks at once.
        var done = await fixture.WaitForAsync(location, c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(90));
        var counts = done["counts"]!;
        Assert.Equal((2000, 0, 1994, 6, 0), ((int)counts["total"]!, (int)counts["pending"]!, (int)counts["queued"]!, (int)counts["skippedSuppressed"]!,
            (int)counts["skippedOther"]!));
        Assert.Equal(1.0, (double)done["progress"]!);

        // Each status webhook moves the counts; all 1,994 are read in the end (the sandbox reports sent, delivered, read).
        var followed = await fixture.WaitForAsync(location, c => (long?)c["counts"]!["read"] == 1994, TimeSpan.FromSeconds(60));
        Assert.Equal((1994L, 1994L, 0L), ((long)followed["counts"]!["sent"]!, (long)followed["counts"]!["delivered"]!, (long)followed["counts"]!["failed"]!));

        // Nobody suppressed got a message; everybody else got exactly one, with their own value.
        var sends = await fixture.SandboxSendsByNumberAsync();
        foreach (var number in listed.Append(stopped)) Assert.False(sends.ContainsKey(Core.Messaging.RecipientRules.ToWaId(number)), number);
        Assert.All(numbers.Except(listed).Where(n => n != stopped), n => Assert.Equal(1, sends[Core.Messaging.RecipientRules.ToWaId(n)]));
        var sent = Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, numbers[7]));
        Assert.Equal("""[{"type":"text","text":"Name7"},{"type":"text","text":"Sunday"}]""",
            JsonNode.Parse(sent.GetProperty("message").GetProperty("template").GetProperty("components")[0].GetProperty("parameters").GetRawText())!.ToJsonString());

        var skipped = await fixture.RecipientsAsync((string)created["id"]!, "skipped-suppressed");
        Assert.Equal(listed.Append(stopped).Order(), skipped.Select(r => (string)r["to"]!).Order());
        var queued = await fixture.RecipientsAsync((string)created["id"]!, "queued");
        Assert.Equal(1994, queued.Count);
        // At 1,000/s in chunks of 100, the last chunk starts at least 1.9 s after the first.
        var times = queued.Select(r => CreatedAt((string)r["messageId"]!)).Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(1.8), $"1,994 recipients at 1,000/s were queued within {times[^1] - times[0]}");
        var message = await Http.GetFromJsonAsync<JsonObject>($"/api/messages/{queued[0]["messageId"]}");
        Assert.Equal((string?)created["id"], (string?)message!["template"]!["campaignId"]);
        // Its MARKETING_MESSAGE row names the campaign and what this recipient was sent.
        Assert.Equal((string?)created["id"], (string?)message["marketing"]!["campaignId"]);
        Assert.Contains("Name", message["marketing"]!["parameters"]!.ToJsonString());
    }

    [Fact]
    public async Task A_campaign_queues_no_faster_than_its_rate()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "paced", "en");
        var numbers = NewNumbers(250);
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 50, "recipients": {{Recipients(numbers)}} }
            """);
        Assert.Equal(50, (int)created["ratePerSecond"]!);
        var location = $"/api/campaigns/{created["id"]}";
        await fixture.WaitForAsync(location, c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(30));

        var times = (await fixture.RecipientsAsync((string)created["id"]!)).Select(r => CreatedAt((string)r["messageId"]!)).Order().ToList();
        Assert.Equal(250, times.Count);
        // 250 at 50/s: five chunks of 50 starting a second apart, so the last is queued about four seconds after the first.
        // A message is stamped when accepted, after its chunk read the template and the recipients (and, with storage
        // busy, waited for the pumps' storage lane), so the first chunk's stamps may trail its start by a few hundred ms.
        var span = times[^1] - times[0];
        Assert.True(span >= TimeSpan.FromSeconds(3.5), $"250 recipients at 50/s were queued within {span}");
        Assert.True(span < TimeSpan.FromSeconds(15), $"250 recipients at 50/s took {span}");
        // No second holds more than a chunk.
        Assert.All(times.GroupBy(t => (t - times[0]).Ticks / TimeSpan.TicksPerSecond), g => Assert.True(g.Count() <= 100, $"{g.Count()} in one second"));
    }

    [Fact]
    public async Task Duplicate_queue_work_on_two_instances_sends_nobody_twice_and_counts_once()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "two_instances", "en");
        var numbers = NewNumbers(400);
        await using var second = await HubHost.StartAsync(fixture.Azurite.ConnectionString, fixture.Sandbox.BaseUrl, "Outbound:RatePerSecond=1000");
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 100, "recipients": {{Recipients(numbers)}} }
            """);
        var id = (string)created["id"]!;

        // The same run's work three times over, as redeliveries would leave it, for both instances to take.
        var storage = StorageConnection.Parse(fixture.Azurite.ConnectionString);
        var row = await new TableService(storage).GetTable(HubTables.Campaigns).GetAsync(CampaignKeys.CampaignPartition, id);
        var queue = new QueueService(storage).GetQueue(HubQueues.Campaigns);
        for (var i = 0; i < 3; i++) await queue.PutAsync(CampaignWork.ToText(id, row!.GetString("runId")!));

        var done = await fixture.WaitForAsync($"/api/campaigns/{id}", c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(40));
        Assert.Equal((400, 0, 0), ((int)done["counts"]!["queued"]!, (int)done["counts"]!["skippedOther"]!, (int)done["counts"]!["pending"]!));
        await fixture.WaitForAsync($"/api/campaigns/{id}", c => (long?)c["counts"]!["sent"] == 400, TimeSpan.FromSeconds(30));
        var sends = await fixture.SandboxSendsByNumberAsync();
        Assert.All(numbers, n => Assert.Equal(1, sends[Core.Messaging.RecipientRules.ToWaId(n)]));
        Assert.Equal(400, (await fixture.RecipientsAsync(id, "queued")).Select(r => (string)r["messageId"]!).Distinct().Count());
    }

    [Fact]
    public async Task Queue_work_the_runner_cannot_read_is_set_aside_with_its_reason()
    {
        var queues = new QueueService(StorageConnection.Parse(fixture.Azurite.ConnectionString));
        var marker = Guid.NewGuid().ToString("N");
        await queues.GetQueue(HubQueues.Campaigns).PutAsync($$"""{"campaign":"{{marker}}"}""");

        var poison = queues.GetQueue(HubQueues.CampaignsPoison);
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var entry = (await poison.PeekAsync(32)).Select(m => JsonNode.Parse(m.Text)!).FirstOrDefault(e => ((string?)e["text"])?.Contains(marker) == true);
            if (entry is null) continue;
            Assert.Equal("campaigns", (string?)entry["queue"]);
            Assert.Contains("campaignId", (string?)entry["reason"]);
            return;
        }
        Assert.Fail("The unreadable message never reached campaigns-poison.");
    }

    [Fact]
    public async Task Without_a_rate_a_campaign_uses_the_configured_default()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "default_rate", "en");
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "recipients": {{Recipients(NewNumbers(3))}} }
            """);
        Assert.Equal(DefaultRate, (int)created["ratePerSecond"]!);
        await fixture.WaitForAsync($"/api/campaigns/{created["id"]}", c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Nothing_is_queued_while_paused_and_everything_after_resume()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "pausable", "en");
        var numbers = NewNumbers(300);
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 30, "recipients": {{Recipients(numbers)}} }
            """);
        var id = (string)created["id"]!;
        var location = $"/api/campaigns/{id}";
        await fixture.WaitForAsync(location, c => (int)c["counts"]!["queued"]! >= 30, TimeSpan.FromSeconds(15));

        using var pause = await Http.PostAsync($"{location}/pause", null);
        Assert.True(pause.StatusCode == HttpStatusCode.OK, await pause.Content.ReadAsStringAsync());
        Assert.Equal("paused", (string?)(await pause.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        await Task.Delay(1500); // a chunk begun before the pause may still finish
        var before = (await fixture.RecipientsAsync(id, "queued")).Count;
        await Task.Delay(3000);
        var after = (await fixture.RecipientsAsync(id, "queued")).Count;
        Assert.Equal(before, after);
        Assert.True(after < 300, "the campaign finished before it could be paused");
        // The campaign's counts follow its recipients' rows (a chunk writes them after its rows); they agree once it is paused.
        await fixture.WaitForAsync(location, c => (string?)c["status"] == "paused" && (int)c["counts"]!["pending"]! == 300 - after, TimeSpan.FromSeconds(10));
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/pause", null), HttpStatusCode.Conflict, "campaign-state");

        using var resume = await Http.PostAsync($"{location}/resume", null);
        Assert.True(resume.StatusCode == HttpStatusCode.OK, await resume.Content.ReadAsStringAsync());
        var done = await fixture.WaitForAsync(location, c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(30));
        Assert.Equal(300, (int)done["counts"]!["queued"]!);
        await fixture.WaitForAsync(location, c => (long?)c["counts"]!["sent"] == 300, TimeSpan.FromSeconds(20));
        var sends = await fixture.SandboxSendsByNumberAsync();
        Assert.All(numbers, n => Assert.Equal(1, sends[Core.Messaging.RecipientRules.ToWaId(n)]));
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/resume", null), HttpStatusCode.Conflict, "campaign-state");
    }

    [Fact]
    public async Task A_cancelled_campaign_sends_no_more_and_cannot_be_resumed()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "cancelled", "en");
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 20, "recipients": {{Recipients(NewNumbers(200))}} }
            """);
        var id = (string)created["id"]!;
        var location = $"/api/campaigns/{id}";
        await fixture.WaitForAsync(location, c => (int)c["counts"]!["queued"]! >= 20, TimeSpan.FromSeconds(15));

        using var cancel = await Http.PostAsync($"{location}/cancel", null);
        Assert.True(cancel.StatusCode == HttpStatusCode.OK, await cancel.Content.ReadAsStringAsync());
        await Task.Delay(1500);
        var queued = (await fixture.RecipientsAsync(id, "queued")).Count;
        await Task.Delay(2500);
        Assert.Equal(queued, (await fixture.RecipientsAsync(id, "queued")).Count);
        var ended = await Http.GetFromJsonAsync<JsonObject>(location);
        Assert.Equal("cancelled", (string?)ended!["status"]);
        Assert.NotNull(ended["endedAt"]);
        Assert.True((int)ended["counts"]!["pending"]! > 0);

        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/resume", null), HttpStatusCode.Conflict, "campaign-state");
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/cancel", null), HttpStatusCode.Conflict, "campaign-state");
        var list = await Http.GetFromJsonAsync<JsonObject>("/api/campaigns?status=cancelled&limit=200");
        Assert.Contains(list!["items"]!.AsArray(), c => (string?)c!["id"] == id);
    }

    [Fact]
    public async Task A_scheduled_campaign_waits_for_its_start_time()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "scheduled", "en");
        var numbers = NewNumbers(5);
        var startAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "startAt": "{{startAt:O}}", "ratePerSecond": 10, "recipients": {{Recipients(numbers)}} }
            """);
        Assert.Equal("scheduled", (string?)created["status"]);
        var location = $"/api/campaigns/{created["id"]}";

        await Task.Delay(2000);
        var waiting = await Http.GetFromJsonAsync<JsonObject>(location);
        Assert.Equal(("scheduled", 0), ((string?)waiting!["status"], (int)waiting["counts"]!["queued"]!));

        await fixture.WaitForAsync(location, c => (string?)c["status"] == "completed", TimeSpan.FromSeconds(20));
        var first = (await fixture.RecipientsAsync((string)created["id"]!)).Min(r => CreatedAt((string)r["messageId"]!));
        Assert.True(first >= startAt.AddMilliseconds(-50), $"queued at {first:O}, before its start {startAt:O}");
    }

    [Fact]
    public async Task A_draft_waits_until_it_is_started()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "draft", "en");
        var numbers = NewNumbers(4);
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "draft": true, "ratePerSecond": 10, "recipients": {{Recipients(numbers)}} }
            """);
        Assert.Equal("draft", (string?)created["status"]);
        var location = $"/api/campaigns/{created["id"]}";
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/pause", null), HttpStatusCode.Conflict, "campaign-state");
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/resume", null), HttpStatusCode.Conflict, "campaign-state");
        await Task.Delay(1500);
        Assert.Equal(0, (int)(await Http.GetFromJsonAsync<JsonObject>(location))!["counts"]!["queued"]!);
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, numbers[0]));

        using var start = await Http.PostAsync($"{location}/start", null);
        Assert.True(start.StatusCode == HttpStatusCode.OK, await start.Content.ReadAsStringAsync());
        Assert.Equal("running", (string?)(await start.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        await fixture.WaitForAsync(location, c => (long?)c["counts"]!["sent"] == 4, TimeSpan.FromSeconds(20));
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/start", null), HttpStatusCode.Conflict, "campaign-state");
    }

    [Fact]
    public async Task A_template_paused_by_meta_pauses_the_campaign_and_sends_nothing_more()
    {
        var template = await fixture.CreateApprovedAsync(Marketing, "meta_paused", "en");
        var created = await fixture.CreateCampaignAsync($$"""
            { "template": { "name": "{{template}}", "language": "en" }, "ratePerSecond": 10, "recipients": {{Recipients(NewNumbers(200))}} }
            """);
        var id = (string)created["id"]!;
        var location = $"/api/campaigns/{id}";
        await fixture.WaitForAsync(location, c => (int)c["counts"]!["queued"]! >= 10, TimeSpan.FromSeconds(15));

        var metaId = (string)(await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{template}?language=en"))!["metaTemplateId"]!;
        using var pausedByMeta = await fixture.Sandbox.Http.PostAsync($"/sandbox/templates/{metaId}/status", Json("""{ "event": "PAUSED", "reason": "LOW_QUALITY" }"""));
        Assert.Equal(HttpStatusCode.OK, pausedByMeta.StatusCode);

        var paused = await fixture.WaitForAsync(location, c => (string?)c["status"] == "paused", TimeSpan.FromSeconds(15));
        Assert.Contains("PAUSED", (string?)paused["statusReason"]);
        var queued = (await fixture.RecipientsAsync(id, "queued")).Count;
        await Task.Delay(2000);
        Assert.Equal(queued, (await fixture.RecipientsAsync(id, "queued")).Count);
        Assert.Empty(await fixture.RecipientsAsync(id, "refused")); // the rest wait, pending, rather than being refused one by one

        // Resumed while the template is still paused, it pauses again at once.
        using var resume = await Http.PostAsync($"{location}/resume", null);
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        await fixture.WaitForAsync(location, c => (string?)c["status"] == "paused", TimeSpan.FromSeconds(15));
        Assert.Equal(queued, (await fixture.RecipientsAsync(id, "queued")).Count);
    }

    /// <summary>The contact stops marketing messages in WhatsApp: a signed user_preferences webhook through the sandbox.</summary>
    private async Task PublishStopAsync(string number)
    {
        var waId = Core.Messaging.RecipientRules.ToWaId(number);
        var body = new JsonObject
        {
            ["from"] = number,
            ["user_preferences"] = new JsonArray(new JsonObject
            {
                ["wa_id"] = waId, ["detail"] = "User requested to stop marketing messages", ["category"] = "marketing_messages",
                ["value"] = "stop", ["timestamp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            }),
        };
        using var response = await fixture.Sandbox.Http.PostAsJsonAsync("/sandbox/inbound/user_preferences", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            using var read = await Http.GetAsync($"/api/suppressions/{waId}");
            if (read.StatusCode == HttpStatusCode.OK) return;
        }
        Assert.Fail("The contact's stop never reached the suppression list.");
    }
}
