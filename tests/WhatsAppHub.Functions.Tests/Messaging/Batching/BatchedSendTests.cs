using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Batching;

/// <summary>
/// The group-committed queued path against Azurite and the sandbox: queue messages naming many messages, written
/// straight to the queue here to stage what a crash or a duplicate would leave behind. The rows decide every time.
/// </summary>
[Collection("Hub")]
public class BatchedSendTests(HubFixture fixture)
{
    private MessageStore Store => fixture.Hub.Services.GetRequiredService<MessageStore>();

    private IWorkQueue Outbound => fixture.Hub.Services.GetRequiredService<QueueService>().GetQueue(HubQueues.Outbound);

    [Fact]
    public async Task Concurrent_accepts_each_get_their_own_message_and_each_is_sent_once()
    {
        var recipients = Enumerable.Range(0, 40).Select(i => $"+1555004{i:D4}").ToList();
        foreach (var to in recipients) await fixture.Hub.OpenServiceWindowAsync(to);

        var responses = await Task.WhenAll(recipients.Select(to =>
            fixture.Hub.Http.PostAsJsonAsync("/api/messages", new { to, type = "text", text = new { body = "together" } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var locations = responses.Select(r => r.Headers.Location!.OriginalString).ToList();
        Assert.Equal(recipients.Count, locations.Distinct().Count());
        foreach (var location in locations) await Messages.WaitForStatusAsync(fixture.Hub.Http, location, "sent");
        foreach (var to in recipients) Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task Concurrent_requests_with_one_idempotency_key_get_one_message_and_one_send()
    {
        const string to = "+15550041900";
        await fixture.Hub.OpenServiceWindowAsync(to);
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(new { to, type = "text", text = new { body = "raced" } }) };
            request.Headers.Add("Idempotency-Key", key);
            return fixture.Hub.Http.SendAsync(request);
        }));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        await Messages.WaitForStatusAsync(fixture.Hub.Http, responses[0].Headers.Location!.OriginalString, "sent");
        await Task.Delay(1000);
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task A_queue_message_in_the_single_id_form_of_earlier_versions_is_sent()
    {
        var message = NewMessage("+15550041001");
        await Store.InsertIfAbsentAsync(message, CancellationToken.None);

        await Outbound.PutAsync($$"""{"id":"{{message.Id}}"}""");

        await Messages.WaitForStatusAsync(fixture.Hub.Http, $"/api/messages/{message.Id}", "sent");
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, message.To));
    }

    [Fact]
    public async Task A_batch_sends_only_the_rows_that_still_need_it()
    {
        var queued = NewMessage("+15550041002");
        var final = NewMessage("+15550041003") with { Status = MessageStatus.Sent, Wamid = "wamid.already-sent", Attempts = 1 };
        var inFlight = NewMessage("+15550041004") with { Status = MessageStatus.Sending, Attempts = 1, AttemptStartedAt = DateTimeOffset.UtcNow };
        foreach (var m in new[] { queued, final, inFlight }) await Store.InsertIfAbsentAsync(m, CancellationToken.None);

        await Outbound.PutAsync(new OutboundWork([queued.Id, final.Id, inFlight.Id]).ToJson());

        await Messages.WaitForStatusAsync(fixture.Hub.Http, $"/api/messages/{queued.Id}", "sent");
        await Task.Delay(1500); // time for a wrong send to show
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, queued.To));
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, final.To)); // final: left as it is
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, inFlight.To)); // an attempt without an answer is never repeated
        var stillSending = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{inFlight.Id}");
        Assert.Equal("sending", stillSending.GetProperty("status").GetString()); // waiting for reconciliation
    }

    [Fact]
    public async Task A_row_written_after_its_queue_message_is_still_sent()
    {
        // What an accept leaves while it is between its queue put and its row insert (or a crash right there, for a row never written).
        var early = NewMessage("+15550041005");
        var late = NewMessage("+15550041006");
        await Store.InsertIfAbsentAsync(early, CancellationToken.None);

        await Outbound.PutAsync(new OutboundWork([early.Id, late.Id]).ToJson());
        await Messages.WaitForStatusAsync(fixture.Hub.Http, $"/api/messages/{early.Id}", "sent");
        await Store.InsertIfAbsentAsync(late, CancellationToken.None);

        await Messages.WaitForStatusAsync(fixture.Hub.Http, $"/api/messages/{late.Id}", "sent");
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, early.To));
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, late.To));
    }

    [Fact]
    public async Task A_duplicated_batch_message_sends_each_message_once()
    {
        var messages = Enumerable.Range(0, 12).Select(i => NewMessage($"+1555004{2000 + i}")).ToList();
        await Store.InsertAllAsync(messages, CancellationToken.None);
        var text = new OutboundWork(messages.Select(m => m.Id).ToList()).ToJson();

        await Task.WhenAll(Outbound.PutAsync(text), Outbound.PutAsync(text), Outbound.PutAsync(text));

        foreach (var m in messages) await Messages.WaitForStatusAsync(fixture.Hub.Http, $"/api/messages/{m.Id}", "sent");
        await Task.Delay(1500);
        foreach (var m in messages) Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, m.To));
    }

    [Fact]
    public async Task A_batch_update_with_one_changed_row_still_updates_the_others()
    {
        var messages = Enumerable.Range(0, 3).Select(i => NewMessage($"+1555004{3000 + i}") with { Status = MessageStatus.Failed }).ToList();
        await Store.InsertAllAsync(messages, CancellationToken.None);
        var rows = await Store.FindAllAsync(messages.Select(m => m.Id).ToList(), CancellationToken.None);
        Assert.Equal(3, rows.Count);
        // Someone else changes the second row after it was read.
        await Store.UpdateAsync(rows[messages[1].Id].Message with { Attempts = 7 }, rows[messages[1].Id].ETag, CancellationToken.None);

        var etags = await Store.TryUpdateAllAsync(messages.Select(m => (rows[m.Id].Message with { Attempts = 2 }, rows[m.Id].ETag)).ToList(), CancellationToken.None);

        Assert.NotNull(etags[0]);
        Assert.Null(etags[1]);
        Assert.NotNull(etags[2]);
        var after = await Store.FindAllAsync(messages.Select(m => m.Id).ToList(), CancellationToken.None);
        Assert.Equal([2, 7, 2], messages.Select(m => after[m.Id].Message.Attempts));
    }

    [Fact]
    public async Task A_batch_insert_keeps_a_row_that_exists_and_stores_the_rest()
    {
        var messages = Enumerable.Range(0, 3).Select(i => NewMessage($"+1555004{4000 + i}") with { Status = MessageStatus.Failed }).ToList();
        await Store.InsertIfAbsentAsync(messages[1] with { Attempts = 5 }, CancellationToken.None);

        await Store.InsertAllAsync(messages, CancellationToken.None);

        var stored = await Store.FindAllAsync(messages.Select(m => m.Id).ToList(), CancellationToken.None);
        Assert.Equal([0, 5, 0], messages.Select(m => stored[m.Id].Message.Attempts));
    }

    [Fact]
    public async Task A_row_changed_after_this_instance_accepted_it_is_read_again_and_not_sent_from_the_accepted_copy()
    {
        var message = NewMessage("+15550045000");
        var inserted = await Store.InsertAllAsync([message], CancellationToken.None);
        // Another instance's worker failed it meanwhile: the copy kept at accept time is now stale.
        await Store.UpdateAsync(message with { Status = MessageStatus.Failed, Error = new MessageError("Elsewhere", null, "failed elsewhere", "", false) },
            inserted[message.Id], CancellationToken.None);
        fixture.Hub.Services.GetRequiredService<AcceptedRows>().Remember(message, inserted[message.Id]);

        await Outbound.PutAsync(new OutboundWork([message.Id]).ToJson());

        await Messages.WaitForStatusAsync(fixture.Hub.Http, $"/api/messages/{message.Id}", "failed");
        await Outbound.WaitEmptyAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, message.To));
        var stored = await Store.FindAsync(message.Id, CancellationToken.None);
        Assert.Equal("Elsewhere", stored!.Value.Message.Error?.Type);
    }

    [Fact]
    public async Task A_wamid_pointer_written_before_pointers_had_their_own_table_still_finds_its_message()
    {
        var message = NewMessage("+15550045100") with { Status = MessageStatus.Sent, Wamid = "wamid.HBgLMTU1NTAwNDUxMDAVAgARGBJMEGACY==" };
        await Store.InsertAllAsync([message], CancellationToken.None);
        // Where earlier versions kept the pointer: in the Messages table itself.
        var legacy = new TableRow(MessageKeys.WamidPartition(message.Wamid!), MessageKeys.WamidRowKey(message.Wamid!));
        legacy.Set(ItemType.PropertyName, ItemType.Message);
        legacy.Set("messageId", message.Id);
        await fixture.Messages.InsertIfAbsentAsync(legacy);

        var response = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{Uri.EscapeDataString(message.Wamid!)}");

        Assert.Equal(message.Id, response.GetProperty("id").GetString());
    }

    private static MessageRecord NewMessage(string to)
    {
        var id = MessageRecord.NewId();
        var now = DateTimeOffset.UtcNow;
        return new MessageRecord(id, MessageDirection.Outbound, HubHost.DefaultPhoneNumberId, to, "text", MessageStatus.Queued,
            $$"""{"messaging_product":"whatsapp","to":"{{to}}","type":"text","text":{"body":"batched"},"biz_opaque_callback_data":"{{MessageRecord.CallbackPrefix}}{{id}}"}""",
            now, now);
    }
}
