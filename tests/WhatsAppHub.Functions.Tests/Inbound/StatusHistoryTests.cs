using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Tests.Conversations;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Inbound;

/// <summary>MESSAGE_STATUS history: every status webhook kept, oldest first, while the MESSAGE row only moves forward.</summary>
[Collection("Sns")]
public class StatusHistoryTests(SnsFixture fixture)
{
    private readonly InboundEvents _events = new(fixture);

    [Fact]
    public async Task Statuses_out_of_order_leave_the_furthest_status_and_a_full_history_oldest_first()
    {
        var (id, to) = await InsertSendingAsync("text");
        var wamid = InboundEvents.NewWamid();
        var t = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await _events.PostProcessedAsync(InboundEvents.Status(wamid, "read", t.AddSeconds(2), id, to));
        await _events.PostProcessedAsync(InboundEvents.Status(wamid, "delivered", t.AddSeconds(1), id, to));
        await _events.PostProcessedAsync(InboundEvents.Status(wamid, "sent", t, id, to, pricing: true));
        await _events.PostProcessedAsync(InboundEvents.Status(wamid, "read", t.AddSeconds(2), id, to)); // a repeat folds

        var view = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        Assert.Equal("read", view.GetProperty("status").GetString());
        Assert.Equal("utility", view.GetProperty("pricingCategory").GetString());
        Assert.Equal("conv-" + wamid[^8..], view.GetProperty("conversationId").GetString());

        var history = (await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{wamid}/statuses")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["sent", "delivered", "read"], history.Select(s => s.GetProperty("status").GetString()!).ToArray());
        Assert.Equal([t, t.AddSeconds(1), t.AddSeconds(2)], history.Select(s => s.GetProperty("timestamp").GetDateTimeOffset()).ToArray());
        Assert.All(history, s => Assert.Equal(id, s.GetProperty("messageId").GetString()));
        Assert.Equal(to, history[0].GetProperty("recipientId").GetString());
        var pricing = history[0].GetProperty("pricing");
        Assert.True(pricing.GetProperty("billable").GetBoolean());
        Assert.Equal("PMP", pricing.GetProperty("pricingModel").GetString());
        Assert.Equal("utility", history[0].GetProperty("conversation").GetProperty("originType").GetString());
    }

    [Fact]
    public async Task Played_comes_after_read_for_a_voice_note_and_a_late_read_does_not_undo_it()
    {
        var (id, to) = await InsertSendingAsync("audio");
        var wamid = InboundEvents.NewWamid();
        var t = DateTimeOffset.UtcNow;
        await _events.PostProcessedAsync(InboundEvents.Status(wamid, "played", t, id, to));
        await _events.PostProcessedAsync(InboundEvents.Status(wamid, "read", t.AddSeconds(-5), id, to));
        var view = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}");
        Assert.Equal("played", view.GetProperty("status").GetString());
        var history = (await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}/statuses")).GetProperty("items").EnumerateArray();
        Assert.Equal(["read", "played"], history.Select(s => s.GetProperty("status").GetString()!).ToArray());
    }

    [Fact]
    public async Task Statuses_of_a_wamid_the_hub_never_sent_are_kept_and_readable_by_wamid()
    {
        var wamid = InboundEvents.NewWamid();
        var row = await _events.PostProcessedAsync(InboundEvents.Status(wamid, "delivered", DateTimeOffset.UtcNow, null, "15555550100"));
        Assert.Equal(0, row.GetInt32("statusesApplied"));
        var history = (await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{wamid}/statuses")).GetProperty("items").EnumerateArray().ToList();
        var only = Assert.Single(history);
        Assert.Equal("delivered", only.GetProperty("status").GetString());
        Assert.False(only.TryGetProperty("messageId", out _));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await fixture.Hub.Http.GetAsync($"/api/messages/{wamid}")).StatusCode);
    }

    private async Task<(string Id, string To)> InsertSendingAsync(string type)
    {
        var store = fixture.Hub.Services.GetRequiredService<MessageStore>();
        var now = DateTimeOffset.UtcNow;
        var id = MessageRecord.NewId();
        var to = InboundEvents.NewContact();
        var json = type == "audio"
            ? $"{{\"messaging_product\":\"whatsapp\",\"to\":\"{to}\",\"type\":\"audio\",\"audio\":{{\"id\":\"123\"}}}}"
            : $"{{\"messaging_product\":\"whatsapp\",\"to\":\"{to}\",\"type\":\"text\",\"text\":{{\"body\":\"x\"}}}}";
        var record = new MessageRecord(id, MessageDirection.Outbound, HubHost.DefaultPhoneNumberId, to, type, MessageStatus.Sending, json, now, now,
            Attempts: 1, AttemptStartedAt: now);
        Assert.True(await store.InsertIfAbsentAsync(record, CancellationToken.None));
        return (id, to);
    }
}
