using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging;

[Collection("Hub")]
public class SendTextTests(HubFixture fixture)
{
    [Fact]
    public async Task A_text_is_recorded_sent_through_eum_with_a_valid_signature_and_readable_back()
    {
        await fixture.Hub.OpenServiceWindowAsync("+447700900123");
        var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages?wait=true", new
        {
            to = "+447700900123",
            type = "text",
            text = new { body = "Your parcel is on its way", preview_url = false },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = sent.GetProperty("id").GetString()!;
        var wamid = sent.GetProperty("wamid").GetString()!;
        Assert.Equal($"/api/messages/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.StartsWith("wamid.", wamid);

        // What EUM received: the exact Cloud API JSON, signed with the configured key pair, from the default number.
        var received = await SandboxMessageAsync(wamid);
        Assert.True(received.GetProperty("signatureValid").GetBoolean());
        Assert.Equal("phone-number-id-0123456789abcdef0123456789abcdef", received.GetProperty("originationPhoneNumberId").GetString());
        Assert.Equal("v20.0", received.GetProperty("metaApiVersion").GetString());
        var expected = JsonNode.Parse("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+447700900123","type":"text",
             "text":{"body":"Your parcel is on its way","preview_url":false},"biz_opaque_callback_data":"whatsapphub:ID"}
            """.Replace("ID", id));
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(received.GetProperty("message").GetRawText())),
            received.GetProperty("message").GetRawText());

        // What Azurite holds.
        var row = await fixture.Messages.GetAsync(MessageKeys.MessagePartition(id), MessageKeys.MessageRowKey(id));
        Assert.NotNull(row);
        Assert.Equal(ItemType.Message, row.GetString(ItemType.PropertyName));
        Assert.Equal("sent", row.GetString("status"));
        Assert.Equal(wamid, row.GetString("wamid"));
        Assert.Equal("+447700900123", row.GetString("to"));
        Assert.Equal(1, row.GetInt32("attempts"));

        // And the API reads it back by id and by wamid.
        foreach (var key in new[] { id, wamid })
        {
            var read = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{Uri.EscapeDataString(key)}");
            Assert.Equal(id, read.GetProperty("id").GetString());
            Assert.Equal(wamid, read.GetProperty("wamid").GetString());
            Assert.Equal("Your parcel is on its way", read.GetProperty("message").GetProperty("text").GetProperty("body").GetString());
        }
    }

    [Fact]
    public async Task A_named_sender_number_is_used_instead_of_the_default()
    {
        // The sandbox knows only its one number, so another id is refused by EUM as not found: the hub says so plainly.
        await fixture.Hub.OpenServiceWindowAsync("15555550100", "phone-number-id-ffffffffffffffffffffffffffffffff");
        var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages?wait=true", new
        {
            to = "15555550100", type = "text", text = new { body = "hi" }, phoneNumberId = "phone-number-id-ffffffffffffffffffffffffffffffff",
        });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "eum-rejected");
        Assert.Equal("ResourceNotFound", problem.GetProperty("eumErrorType").GetString());
        var failedId = problem.GetProperty("messageId").GetString()!;
        var row = await fixture.Messages.GetAsync(MessageKeys.MessagePartition(failedId), MessageKeys.MessageRowKey(failedId));
        Assert.Equal("phone-number-id-ffffffffffffffffffffffffffffffff", row!.GetString("phoneNumberId"));
        Assert.Equal("failed", row.GetString("status"));
    }

    [Fact]
    public async Task An_unknown_id_is_a_not_found_problem()
    {
        var response = await fixture.Hub.Http.GetAsync("/api/messages/0000000000000000000000000000dead");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "not-found");
    }

    private async Task<JsonElement> SandboxMessageAsync(string wamid)
    {
        var all = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var list = all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("messages");
        return list.EnumerateArray().Single(m => m.TryGetProperty("messageId", out var id) && id.GetString() == wamid);
    }
}
