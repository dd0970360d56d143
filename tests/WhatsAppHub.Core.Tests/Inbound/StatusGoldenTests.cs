using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;
using static WhatsAppHub.Core.Tests.Inbound.GoldenEvents;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>Every <c>value.statuses[]</c> shape of whatsapp-cloud-api.md §5.4, wrapped as EUM publishes it.</summary>
public class StatusGoldenTests
{
    private static (StatusUpdate Status, string Raw) OneStatus(string status)
    {
        var evt = Parse(Entry(null, ("messages", MessagesValue($$"""  "statuses":[{{status}}]"""))));
        Assert.Empty(evt.Unknown);
        Assert.Empty(evt.Messages);
        return (Assert.Single(evt.Statuses), JsonNode.Parse(status)!.ToJsonString());
    }

    [Fact]
    public void Sent_with_pricing_and_conversation()
    {
        var (status, raw) = OneStatus("""{"id":"wamid.OUT","status":"sent","timestamp":"1767600200","recipient_id":"4915255501111","biz_opaque_callback_data":"whatsapphub:abc","conversation":{"id":"conv-1","expiration_timestamp":"1767686600","origin":{"type":"marketing"}},"pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}}""");
        Assert.Equal(new StatusUpdate(Metadata, "wamid.OUT", "sent", At(1767600200), "4915255501111", null, null, "whatsapphub:abc",
            new StatusConversation("conv-1", At(1767686600), "marketing"), new StatusPricing(true, "PMP", "regular", "marketing"), status.Errors, raw), status);
        Assert.Empty(status.Errors);
        Assert.Equal(PhoneNumberId, status.MetaPhoneNumberId);
    }

    [Theory]
    [InlineData("delivered")]
    [InlineData("read")]
    [InlineData("played")]
    [InlineData("deleted_for_everyone")]
    public void Progress_statuses_are_kept_as_received(string name)
    {
        var (status, raw) = OneStatus($$"""{"id":"wamid.OUT","status":"{{name}}","timestamp":1767600260,"recipient_id":"4915255501111"}""");
        Assert.Equal(new StatusUpdate(Metadata, "wamid.OUT", name, At(1767600260), "4915255501111", null, null, null, null, null, status.Errors, raw), status);
        Assert.Empty(status.Errors);
    }

    [Fact]
    public void Failed_with_errors_whose_code_is_a_number_or_a_string()
    {
        var (status, raw) = OneStatus("""{"id":"wamid.OUT2","status":"failed","timestamp":"1767600300","recipient_id":"4915255501111","errors":[{"code":131049,"title":"Not delivered","message":"Not delivered","error_data":{"details":"Ecosystem engagement"},"href":"/documentation/business-messaging/whatsapp/support/error-codes"},{"code":"131026","message":"Message undeliverable"}]}""");
        Assert.Equal([
            new WebhookError("131049", "Not delivered", "Ecosystem engagement", "/documentation/business-messaging/whatsapp/support/error-codes"),
            new WebhookError("131026", "Message undeliverable", null)], status.Errors);
        Assert.Equal(new StatusUpdate(Metadata, "wamid.OUT2", "failed", At(1767600300), "4915255501111", null, null, null, null, null, status.Errors, raw), status);
    }

    [Fact]
    public void Group_status_names_the_participant()
    {
        var (status, raw) = OneStatus("""{"id":"wamid.OUR_GROUP_MSG","status":"delivered","timestamp":"1767600320","recipient_id":"Y2FwaV9ncm91cDo0OTE1MjU1NTAxMTExOjEyMw","recipient_type":"group","recipient_participant_id":"4915255502222"}""");
        Assert.Equal(new StatusUpdate(Metadata, "wamid.OUR_GROUP_MSG", "delivered", At(1767600320), "Y2FwaV9ncm91cDo0OTE1MjU1NTAxMTExOjEyMw", "group",
            "4915255502222", null, null, null, status.Errors, raw), status);
    }

    [Fact]
    public void Authentication_international_pricing_category_is_normalized()
    {
        var (status, _) = OneStatus("""{"id":"wamid.OTP","status":"sent","timestamp":"1767600400","recipient_id":"4915255501111","conversation":{"id":"conv-2","origin":{"type":"authentication_international"}},"pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"authentication-international"}}""");
        Assert.Equal(new StatusPricing(true, "PMP", "regular", "authentication_international"), status.Pricing);
        Assert.Equal(new StatusConversation("conv-2", null, "authentication_international"), status.Conversation);
    }

    [Fact]
    public void Free_entry_point_pricing_without_billable()
    {
        var (status, _) = OneStatus("""{"id":"wamid.FEP","status":"delivered","timestamp":"1767600500","recipient_id":"4915255501111","pricing":{"pricing_model":"PMP","type":"free_entry_point","category":"service"}}""");
        Assert.Equal(new StatusPricing(null, "PMP", "free_entry_point", "service"), status.Pricing);
        Assert.Null(status.Conversation);
    }
}
