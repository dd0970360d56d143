using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Content;

namespace WhatsAppHub.Core.Tests.Messaging;

public class OutboundMessageReaderTests
{
    private static (OutboundMessage? Message, IReadOnlyList<Core.Validation.ValidationError> Errors) Read(string json) =>
        OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reference_text_example_is_accepted_and_forwarded_unchanged()
    {
        var (message, errors) = Read("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+447700900123",
              "type": "text",
              "text": { "preview_url": true, "body": "Your parcel is on its way: https://track.example.com/AB123" } }
            """);

        Assert.Empty(errors);
        Assert.NotNull(message);
        Assert.Equal("+447700900123", message.To);
        Assert.Null(message.SenderPhoneNumberId);
        var sent = JsonNode.Parse(message.ToCloudApiJson())!;
        Assert.Equal("whatsapp", (string?)sent["messaging_product"]);
        Assert.Equal("individual", (string?)sent["recipient_type"]);
        Assert.Equal("text", (string?)sent["type"]);
        Assert.True((bool?)sent["text"]!["preview_url"]);
        Assert.Equal("Your parcel is on its way: https://track.example.com/AB123", (string?)sent["text"]!["body"]);
    }

    [Fact]
    public void Messaging_product_is_filled_in_and_the_hub_sender_member_is_not_forwarded()
    {
        var (message, errors) = Read("""{"to":"15555550100","type":"text","text":{"body":"hi"},"phoneNumberId":"phone-number-id-abc"}""");

        Assert.Empty(errors);
        Assert.Equal("phone-number-id-abc", message!.SenderPhoneNumberId);
        var sent = JsonNode.Parse(message.ToCloudApiJson())!.AsObject();
        Assert.Equal("whatsapp", (string?)sent["messaging_product"]);
        Assert.False(sent.ContainsKey("phoneNumberId"));
    }

    [Theory]
    [InlineData("""{"type":"text","text":{"body":"hi"}}""", "$.to", "required")]
    [InlineData("""{"to":"","type":"text","text":{"body":"hi"}}""", "$.to", "required")]
    [InlineData("""{"to":15555550100,"type":"text","text":{"body":"hi"}}""", "$.to", "type")]
    [InlineData("""{"to":"+1 555 abc 0100","type":"text","text":{"body":"hi"}}""", "$.to", "phoneNumber")]
    [InlineData("""{"to":"1234","type":"text","text":{"body":"hi"}}""", "$.to", "phoneNumber")]
    [InlineData("""{"to":"1234567890123456","type":"text","text":{"body":"hi"}}""", "$.to", "phoneNumber")]
    [InlineData("""{"to":"15555550100","text":{"body":"hi"}}""", "$.type", "required")]
    [InlineData("""{"to":"15555550100","type":"carrier_pigeon","text":{"body":"hi"}}""", "$.type", "enum")]
    [InlineData("""{"to":"15555550100","type":"text"}""", "$.text", "required")]
    [InlineData("""{"to":"15555550100","type":"text","text":"hi"}""", "$.text", "type")]
    [InlineData("""{"to":"15555550100","type":"text","text":{}}""", "$.text.body", "required")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":""}}""", "$.text.body", "required")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi","preview_url":"yes"}}""", "$.text.preview_url", "type")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi","bold":true}}""", "$.text.bold", "unknownMember")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi"},"messaging_product":"sms"}""", "$.messaging_product", "enum")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi"},"recipient_type":"broadcast"}""", "$.recipient_type", "enum")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi"},"phoneNumberId":"12345"}""", "$.phoneNumberId", "pattern")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi"},"image":{"id":"1"}}""", "$.image", "unknownMember")]
    [InlineData("""{"to":"15555550100","type":"text","text":{"body":"hi"},"odd key":1}""", "$['odd key']", "unknownMember")]
    [InlineData("""[1,2]""", "$", "type")]
    [InlineData("""{"to":""", "$", "json")]
    [InlineData("""{"to":"1","to":"2"}""", "$", "json")]
    [InlineData("""{"to":"\ud800","type":"text","text":{"body":"hi"}}""", "$", "json")]
    public void Each_broken_rule_is_named_by_path_and_rule(string json, string path, string rule)
    {
        var (message, errors) = Read(json);

        Assert.Null(message);
        Assert.Contains(errors, e => e.Path == path && e.Rule == rule);
    }

    [Fact]
    public void Body_of_4096_characters_is_accepted_and_4097_refused_counting_emoji_as_one()
    {
        var emoji = "😀"; // two UTF-16 units, one character for Meta
        var atLimit = string.Concat(Enumerable.Repeat(emoji, TextContentRules.MaxBodyLength));
        Assert.Empty(Read(TextJson(atLimit)).Errors);

        var (message, errors) = Read(TextJson(atLimit + "x"));
        Assert.Null(message);
        var error = Assert.Single(errors);
        Assert.Equal(("$.text.body", "maxLength"), (error.Path, error.Rule));
    }

    [Fact]
    public void All_broken_rules_are_reported_together()
    {
        var (_, errors) = Read("""{"to":"abc","type":"text","text":{"body":"","preview_url":3},"extra":1}""");

        Assert.Equal(["$.extra", "$.text.body", "$.text.preview_url", "$.to"], errors.Select(e => e.Path).Order().ToArray());
    }

    [Theory]
    [InlineData("+44 (7700) 900-123")]
    [InlineData("447700900123")]
    public void Phone_numbers_with_meta_punctuation_are_accepted(string to) =>
        Assert.Empty(Read($$$"""{"to":"{{{to}}}","type":"text","text":{"body":"hi"}}""").Errors);

    private static string TextJson(string body) =>
        new JsonObject { ["to"] = "15555550100", ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } }.ToJsonString();
}
