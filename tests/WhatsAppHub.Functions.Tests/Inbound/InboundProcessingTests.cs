using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Inbound;

/// <summary>The inbound pump: stored events become status changes and open service windows.</summary>
[Collection("Sns")]
public class InboundProcessingTests(SnsFixture fixture)
{
    private const string MetaPhoneNumberId = "106540352242922";
    private const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task A_send_ends_read_after_the_sandbox_statuses_and_a_late_delivered_leaves_it_read()
    {
        var to = "1555556" + Random.Shared.Next(1000, 9999);
        var accepted = await fixture.Hub.Http.PostAsJsonAsync("/api/messages", new { to, type = "text", text = new { body = "read me" } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        var read = await Messages.WaitForStatusAsync(fixture.Hub.Http, location, "read");
        var wamid = read.GetProperty("wamid").GetString()!;

        var late = await PostProcessedAsync(StatusEvent(wamid, "delivered", null, to));
        Assert.Equal(0, late.GetInt32("statusesApplied"));
        var after = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>(location);
        Assert.Equal("read", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Out_of_order_statuses_read_then_delivered_leave_read_and_failed_comes_too_late()
    {
        var (id, _) = await InsertSendingAsync();
        var wamid = NewWamid();
        await PostProcessedAsync(StatusEvent(wamid, "read", id));
        await PostProcessedAsync(StatusEvent(wamid, "delivered", id));
        await PostProcessedAsync(StatusEvent(wamid, "failed", id));
        var view = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        Assert.Equal("read", view.GetProperty("status").GetString());
        Assert.Equal(wamid, view.GetProperty("wamid").GetString());
    }

    [Fact]
    public async Task A_status_for_a_sending_row_makes_it_sent_with_the_wamid_and_its_pointer()
    {
        var (id, store) = await InsertSendingAsync();
        var wamid = NewWamid();
        await PostProcessedAsync(StatusEvent(wamid, "sent", id));
        var view = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        Assert.Equal("sent", view.GetProperty("status").GetString());
        Assert.Equal(wamid, view.GetProperty("wamid").GetString());
        Assert.Equal(id, (await store.FindAsync(wamid, CancellationToken.None))!.Value.Message.Id);
    }

    [Fact]
    public async Task A_failed_status_records_metas_error()
    {
        var (id, _) = await InsertSendingAsync();
        await PostProcessedAsync(StatusEvent(NewWamid(), "failed", id));
        var view = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        Assert.Equal("failed", view.GetProperty("status").GetString());
        Assert.Equal("131047", view.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Re-engagement message", view.GetProperty("error").GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_same_event_three_times_and_again_under_a_new_id_changes_the_row_once()
    {
        var (id, store) = await InsertSendingAsync();
        var message = StatusEvent(NewWamid(), "delivered", id);
        var body = fixture.Signed(message: message);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await PostAsync(fixture.Hub, body)).StatusCode);
        await WaitProcessedAsync(JsonNode.Parse(body)!["MessageId"]!.GetValue<string>());
        var first = (await store.FindAsync(id, CancellationToken.None))!.Value;
        Assert.Equal(MessageStatus.Delivered, first.Message.Status);

        var again = await PostProcessedAsync(message);
        Assert.Equal(0, again.GetInt32("statusesApplied"));
        Assert.Equal(first.ETag, (await store.FindAsync(id, CancellationToken.None))!.Value.ETag);
    }

    [Fact]
    public async Task A_status_for_an_unknown_message_and_an_account_event_are_processed()
    {
        var row = await PostProcessedAsync(StatusEvent(NewWamid(), "read", null));
        Assert.Equal(0, row.GetInt32("statusesApplied"));
        var other = EumEvent(new JsonObject { ["field"] = "account_update", ["value"] = new JsonObject { ["event"] = "X" } });
        Assert.Equal(0, (await PostProcessedAsync(other)).GetInt32("unknown"));
    }

    [Fact]
    public async Task A_message_that_is_not_an_eum_event_is_marked_poisoned()
    {
        var body = fixture.Signed(message: "not json at all");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(fixture.Hub, body)).StatusCode);
        var row = await WaitProcessedAsync(JsonNode.Parse(body)!["MessageId"]!.GetValue<string>());
        Assert.Equal("poisoned", row.GetString("stage"));
        Assert.Contains("Not JSON", row.GetString("processError"));
    }

    [Fact]
    public async Task An_inbound_text_opens_the_service_window_for_a_free_form_reply()
    {
        await using var hub = await fixture.StartHubAsync(fixture.Azurite.ConnectionString, waitForStorage: true, "Outbound:EnforceServiceWindow=true");
        var contact = "4915255" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        var reply = () => hub.Http.PostAsJsonAsync("/api/messages/text", new { to = "+" + contact, text = new { body = "thanks for writing" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reply()).StatusCode);

        var inbound = new JsonObject
        {
            ["from"] = contact,
            ["id"] = NewWamid(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = "hello" },
        };
        var value = Value();
        value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Mara" }, ["wa_id"] = contact });
        value["messages"] = new JsonArray(inbound);
        var row = await PostProcessedAsync(EumEvent(new JsonObject { ["field"] = "messages", ["value"] = value }), hub);
        Assert.Equal(1, row.GetInt32("messages"));

        Assert.Equal(HttpStatusCode.Accepted, (await reply()).StatusCode);
    }

    [Fact]
    public async Task Events_posted_together_end_processed_each_with_its_own_outcome_and_each_text_counts_once()
    {
        // Posted at once, they are accepted together and handled side by side: their history and processed marks share
        // transactions, yet each row must say what became of its own event.
        var contact = "4915266" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
        var texts = Enumerable.Range(0, 12).Select(i => TextEvent(contact, NewWamid(), $"text {i}")).ToList();
        var statuses = Enumerable.Range(0, 12).Select(_ => StatusEvent(NewWamid(), "delivered", null)).ToList();
        var bodies = texts.Concat(statuses).Select(m => fixture.Signed(message: m)).Append(fixture.Signed(message: "not json at all")).ToList();
        var answers = await Task.WhenAll(bodies.Select(b => PostAsync(fixture.Hub, b)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        var rows = await Task.WhenAll(bodies.Select(b => WaitProcessedAsync(JsonNode.Parse(b)!["MessageId"]!.GetValue<string>())));
        Assert.All(rows[..12], r => Assert.Equal(("processed", 1, 0), (r.GetString("stage"), r.GetInt32("messages"), r.GetInt32("statuses"))));
        Assert.All(rows[12..24], r => Assert.Equal(("processed", 0, 1), (r.GetString("stage"), r.GetInt32("messages"), r.GetInt32("statuses"))));
        Assert.Equal("poisoned", rows[24].GetString("stage"));

        // Meta delivering a text again (a new SNS id, the same wamid) stores and counts nothing more.
        Assert.Equal(1, (await PostProcessedAsync(texts[0])).GetInt32("messages"));
        var conversation = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}");
        Assert.Equal(12, conversation.GetProperty("messageCount").GetInt32());
        Assert.Equal(12, conversation.GetProperty("unreadCount").GetInt32());
    }

    private static string TextEvent(string contact, string wamid, string text)
    {
        var value = Value();
        value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = "Mara" }, ["wa_id"] = contact });
        value["messages"] = new JsonArray(new JsonObject
        {
            ["from"] = contact,
            ["id"] = wamid,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = text },
        });
        return EumEvent(new JsonObject { ["field"] = "messages", ["value"] = value });
    }

    private static string NewWamid() => "wamid.TEST" + Guid.NewGuid().ToString("N");

    private async Task<(string Id, MessageStore Store)> InsertSendingAsync()
    {
        var store = fixture.Hub.Services.GetRequiredService<MessageStore>();
        var now = DateTimeOffset.UtcNow;
        var id = MessageRecord.NewId();
        var record = new MessageRecord(id, MessageDirection.Outbound, HubHost.DefaultPhoneNumberId, "15555550100", "text", MessageStatus.Sending,
            "{\"messaging_product\":\"whatsapp\",\"to\":\"15555550100\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}", now, now, Attempts: 1, AttemptStartedAt: now);
        Assert.True(await store.InsertIfAbsentAsync(record, CancellationToken.None));
        return (id, store);
    }

    private static JsonObject Value() => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550001234", ["phone_number_id"] = MetaPhoneNumberId },
    };

    private static string StatusEvent(string wamid, string status, string? hubId, string recipient = "15555550100")
    {
        var item = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
        };
        if (hubId is not null) item["biz_opaque_callback_data"] = MessageRecord.CallbackPrefix + hubId;
        if (status == "failed") item["errors"] = new JsonArray(new JsonObject { ["code"] = 131047, ["title"] = "Re-engagement message" });
        var value = Value();
        value["statuses"] = new JsonArray(item);
        return EumEvent(new JsonObject { ["field"] = "messages", ["value"] = value });
    }

    private static string EumEvent(JsonObject change) => new JsonObject
    {
        ["context"] = new JsonObject
        {
            ["MetaWabaIds"] = new JsonArray(new JsonObject { ["wabaId"] = "402118733562209", ["arn"] = "arn:aws:social-messaging:us-east-1:123456789012:waba/7c1e0d9a4b6f4f0e9a3d2b1c0e5f7a81" }),
            ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = MetaPhoneNumberId, ["arn"] = PhoneArn }),
        },
        ["whatsAppWebhookEntry"] = new JsonObject { ["id"] = "402118733562209", ["changes"] = new JsonArray(change) }.ToJsonString(),
        ["aws_account_id"] = "123456789012",
        ["message_timestamp"] = "2026-01-05T08:00:01.123456789Z",
    }.ToJsonString();

    private static Task<HttpResponseMessage> PostAsync(HubHost hub, string body) =>
        hub.Anonymous.PostAsync("/api/eum/events", new StringContent(body, Encoding.UTF8, "text/plain"));

    private async Task<WhatsAppHub.Azure.Tables.TableRow> PostProcessedAsync(string message, HubHost? hub = null)
    {
        var body = fixture.Signed(message: message);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(hub ?? fixture.Hub, body)).StatusCode);
        return await WaitProcessedAsync(JsonNode.Parse(body)!["MessageId"]!.GetValue<string>());
    }

    private Task<WhatsAppHub.Azure.Tables.TableRow> WaitProcessedAsync(string snsMessageId) =>
        fixture.Events.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(20));
}
