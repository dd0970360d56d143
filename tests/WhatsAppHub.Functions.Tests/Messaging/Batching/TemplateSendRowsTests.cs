using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Batching;

/// <summary>
/// MARKETING_MESSAGE and AUTH_MESSAGE rows in the accept path's group commit, against Azurite: written with their
/// MESSAGE rows in the same transactions however large the batch, and never taken for messages by the readers of the
/// MSG partitions (the worker's batch reads, the listing).
/// </summary>
[Collection("Hub")]
public class TemplateSendRowsTests(HubFixture fixture)
{
    private MessageStore Store => fixture.Hub.Services.GetRequiredService<MessageStore>();

    [Fact]
    public async Task A_batch_of_template_sends_over_one_transaction_stores_every_message_with_its_row()
    {
        // 80 sends are 160 rows: more than one transaction takes, so the batch is split without parting a message from its row.
        var messages = Enumerable.Range(0, 80).Select(i => NewMessage($"+1555006{i:D4}", i % 4 == 0 ? "AUTHENTICATION" : "MARKETING")).ToList();
        // One of them exists already (a repeated accept): it is kept as it is, the others are stored.
        await Store.InsertIfAbsentAsync(messages[7] with { Attempts = 3 }, CancellationToken.None);

        foreach (var partition in messages.GroupBy(m => MessageKeys.MessagePartition(m.Id)))
            await Store.InsertAllAsync(partition.ToList(), CancellationToken.None);

        var stored = await Store.FindAllAsync(messages.Select(m => m.Id).ToList(), CancellationToken.None);
        Assert.Equal(messages.Select(m => m.Id).Order(), stored.Keys.Order());
        Assert.Equal(3, stored[messages[7].Id].Message.Attempts);
        foreach (var m in messages)
        {
            var suffix = m.Template!.Category == "MARKETING" ? "|MARKETING" : "|AUTH";
            var row = await fixture.Messages.GetAsync(MessageKeys.MessagePartition(m.Id), m.Id + suffix);
            Assert.NotNull(row);
            Assert.Equal(m.Template.Category == "MARKETING" ? "MARKETING_MESSAGE" : "AUTH_MESSAGE", row.GetString("itemType"));
            Assert.Equal(m.Id, row.GetString("messageId"));
        }
    }

    [Fact]
    public async Task The_listing_and_the_message_show_a_marketing_send_once_with_its_campaign()
    {
        var message = NewMessage("+15550069001", "MARKETING");
        await Store.InsertAllAsync([message, NewMessage("+15550069002", "MARKETING")], CancellationToken.None);

        var listed = await fixture.Hub.Http.GetFromJsonAsync<JsonObject>("/api/messages?to=%2B15550069001");
        Assert.Equal(message.Id, (string?)Assert.Single(listed!["items"]!.AsArray())!["id"]);
        var read = await fixture.Hub.Http.GetFromJsonAsync<JsonObject>($"/api/messages/{message.Id}");
        Assert.Equal("spring_sale", (string?)read!["template"]!["name"]);
        Assert.Equal("campaign-1", (string?)read["marketing"]!["campaignId"]);
        Assert.Equal("""[{"type":"body","parameters":[{"type":"text","text":"Priya"}]}]""", read["marketing"]!["parameters"]!.ToJsonString());
    }

    private static MessageRecord NewMessage(string to, string category)
    {
        var id = MessageRecord.NewId();
        var now = DateTimeOffset.UtcNow;
        var template = category == "MARKETING"
            ? new TemplateDetails("spring_sale", "en", category, "campaign-1")
            : new TemplateDetails("login_code", "en_US", category, CodeExpirationMinutes: 5);
        // Failed: never queued, so no worker picks them up.
        return new MessageRecord(id, MessageDirection.Outbound, HubHost.DefaultPhoneNumberId, to, "template", MessageStatus.Failed,
            $$$"""{"messaging_product":"whatsapp","to":"{{{to}}}","type":"template","template":{"name":"{{{template.Name}}}","language":{"code":"{{{template.Language}}}"},"components":[{"type":"body","parameters":[{"type":"text","text":"Priya"}]}]}}""",
            now, now, Template: template);
    }
}
