using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>§1.1 envelope: reply context, callback data, recipient type and group recipients (§8.2).</summary>
public class EnvelopeRulesTests
{
    private const string Text = """{"body":"hi"}""";

    [Fact]
    public void A_reply_context_and_callback_data_are_forwarded()
    {
        var (message, errors) = Send.Content("text", Text, """ "context":{"message_id":"wamid.HBgMNDQ3"},"biz_opaque_callback_data":"campaign-7" """);

        Assert.Empty(errors);
        var sent = JsonNode.Parse(message!.ToCloudApiJson())!;
        Assert.Equal("wamid.HBgMNDQ3", (string?)sent["context"]!["message_id"]);
        Assert.Equal("campaign-7", (string?)sent["biz_opaque_callback_data"]);
    }

    [Fact]
    public void A_group_message_goes_to_the_group_id_without_a_service_window()
    {
        var (message, errors) = Send.Read("""{"recipient_type":"group","to":"Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAz","type":"text","text":{"body":"hi all"}}""");

        Assert.Empty(errors);
        Assert.True(message!.IsGroup);
        Assert.False(message.NeedsServiceWindow);
        var sent = JsonNode.Parse(message.ToCloudApiJson())!;
        Assert.Equal("group", (string?)sent["recipient_type"]);
        Assert.Equal("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAz", (string?)sent["to"]);
    }

    [Fact]
    public void An_individual_message_says_so_and_needs_the_window()
    {
        var (message, _) = Send.Content("text", Text);
        Assert.Equal("individual", (string?)JsonNode.Parse(message!.ToCloudApiJson())!["recipient_type"]);
        Assert.True(message.NeedsServiceWindow);
    }

    [Theory]
    [InlineData(""" "context":"wamid.1" """, "$.context", "type")]
    [InlineData(""" "context":{} """, "$.context.message_id", "required")]
    [InlineData(""" "context":{"message_id":"wamid 1"} """, "$.context.message_id", "pattern")]
    [InlineData(""" "context":{"message_id":"wamid.1","from":"x"} """, "$.context.from", "unknownMember")]
    [InlineData(""" "biz_opaque_callback_data":"" """, "$.biz_opaque_callback_data", "required")]
    [InlineData(""" "biz_opaque_callback_data":7 """, "$.biz_opaque_callback_data", "type")]
    [InlineData(""" "recipient_type":"broadcast" """, "$.recipient_type", "enum")]
    public void Each_broken_envelope_rule_is_named(string envelope, string path, string rule) =>
        Send.Refused(Send.Content("text", Text, envelope), path, rule);

    [Fact]
    public void Callback_data_takes_512_characters_and_not_513()
    {
        var data = new string('d', EnvelopeRules.MaxCallbackDataLength);
        Send.Accepted(Send.Content("text", Text, $$""" "biz_opaque_callback_data":"{{data}}" """));
        Send.Refused(Send.Content("text", Text, $$""" "biz_opaque_callback_data":"{{data}}d" """), "$.biz_opaque_callback_data", "maxLength");
    }

    [Theory]
    [InlineData("""{"recipient_type":"group","to":"group id","type":"text","text":{"body":"hi"}}""", "$.to", "groupId")]
    [InlineData("""{"recipient_type":"group","type":"text","text":{"body":"hi"}}""", "$.to", "required")]
    [InlineData("""{"recipient_type":"group","to":"g1","type":"interactive","interactive":{}}""", "$.type", "groupType")]
    public void Group_recipient_rules_are_named(string json, string path, string rule) =>
        Send.Refused(Send.Read(json), path, rule);

    [Fact]
    public void A_group_id_longer_than_the_hub_limit_is_refused() =>
        Send.Refused(Send.Read($$$"""{"recipient_type":"group","to":"{{{new string('g', RecipientRules.MaxGroupIdLength + 1)}}}","type":"text","text":{"body":"hi"}}"""), "$.to", "maxLength");

    [Fact]
    public void Every_broken_rule_of_every_part_is_reported_at_once()
    {
        var (_, errors) = Send.Read("""
            {"to":"abc","type":"template","context":{"message_id":""},"biz_opaque_callback_data":"",
             "template":{"name":"Bad Name","language":{"code":"en_GB","policy":"x"},
               "components":[{"type":"body","parameters":[{"type":"currency","currency":{"code":"pounds"}}]},
                             {"type":"button","sub_type":"copy_code","index":12,"parameters":[{"type":"coupon_code","coupon_code":"WAY_TOO_LONG_A_CODE"}]}]}}
            """);

        Assert.Equal(
        [
            "$.biz_opaque_callback_data", "$.context.message_id", "$.template.components[0].parameters[0].currency.amount_1000",
            "$.template.components[0].parameters[0].currency.code", "$.template.components[0].parameters[0].currency.fallback_value",
            "$.template.components[1].index", "$.template.components[1].parameters[0].coupon_code", "$.template.language.policy",
            "$.template.name", "$.to",
        ], errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToArray());
    }
}
