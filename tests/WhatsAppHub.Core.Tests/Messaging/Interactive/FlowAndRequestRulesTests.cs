using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>CTA URL (§1.7.3), location request (§1.7.8), flows (§1.7.10), call permission (§1.7.11) and voice call (§1.7.12).</summary>
public class FlowAndRequestRulesTests
{
    private const string Parameters = "action.parameters";

    public static TheoryData<string, string, string, string, string> Broken => new()
    {
        { "cta_url", "action.name", Str("url"), "action.name", "enum" },
        { "cta_url", "action.parameters", Remove, "action.parameters", "required" },
        { "cta_url", "action.parameters.display_text", Remove, "action.parameters.display_text", "required" },
        { "cta_url", "action.parameters.display_text", Text(CtaUrlRules.MaxDisplayTextLength + 1), "action.parameters.display_text", "maxLength" },
        { "cta_url", "action.parameters.url", Remove, "action.parameters.url", "required" },
        { "cta_url", "action.parameters.url", Str("ftp://track.example.com/AB123"), "action.parameters.url", "url" },
        { "cta_url", "action.parameters.url", Str("https://track.example.com/" + new string('a', InteractiveText.MaxUrlLength)), "action.parameters.url", "maxLength" },
        { "cta_url", "body", Remove, "body", "required" },

        { "location_request_message", "action.name", Str("request_location"), "action.name", "enum" },
        { "location_request_message", "action.parameters", "{}", "action.parameters", "unknownMember" },
        { "location_request_message", "header", """{"type":"text","text":"Pickup"}""", "header", "notAllowed" },
        { "location_request_message", "body", Remove, "body", "required" },

        { "call_permission_request", "action.name", Str("call"), "action.name", "enum" },
        { "call_permission_request", "header", """{"type":"text","text":"Call"}""", "header", "notAllowed" },
        { "call_permission_request", "footer", """{"text":"Example Ltd"}""", "footer", "notAllowed" },
        { "call_permission_request", "body", Remove, "body", "required" },

        { "voice_call", "action.name", Str("call"), "action.name", "enum" },
        { "voice_call", "action.parameters.display_text", Text(VoiceCallRules.MaxDisplayTextLength + 1), "action.parameters.display_text", "maxLength" },
        { "voice_call", "action.parameters.ttl_minutes", "0", "action.parameters.ttl_minutes", "range" },
        { "voice_call", "action.parameters.ttl_minutes", (VoiceCallRules.MaxTtlMinutes + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "action.parameters.ttl_minutes", "range" },
        { "voice_call", "action.parameters.ttl_minutes", Str("1440"), "action.parameters.ttl_minutes", "type" },
        { "voice_call", "action.parameters.payload", Text(VoiceCallRules.MaxPayloadLength + 1), "action.parameters.payload", "maxLength" },

        { "flow", "action.name", Str("flows"), "action.name", "enum" },
        { "flow", Parameters, Remove, Parameters, "required" },
        { "flow", Parameters + ".flow_message_version", Str("2"), Parameters + ".flow_message_version", "enum" },
        { "flow", Parameters + ".flow_message_version", "3", Parameters + ".flow_message_version", "type" },
        { "flow", Parameters + ".flow_message_version", Remove, Parameters + ".flow_message_version", "required" },
        { "flow", Parameters + ".flow_id", Remove, Parameters, "oneOf" },
        { "flow", Parameters + ".flow_name", Str("repair_booking"), Parameters, "oneOf" },
        { "flow", Parameters + ".flow_id", Str(""), Parameters + ".flow_id", "required" },
        { "flow", Parameters + ".flow_cta", Remove, Parameters + ".flow_cta", "required" },
        { "flow", Parameters + ".flow_cta", Text(FlowRules.MaxCtaLength + 1), Parameters + ".flow_cta", "maxLength" },
        { "flow", Parameters + ".flow_cta", Str("Book now 📅"), Parameters + ".flow_cta", "noEmoji" },
        { "flow", Parameters + ".flow_token", Text(FlowRules.MaxTokenLength + 1), Parameters + ".flow_token", "maxLength" },
        { "flow", Parameters + ".flow_action", Str("open"), Parameters + ".flow_action", "enum" },
        { "flow", Parameters + ".flow_action_payload", Remove, Parameters + ".flow_action_payload", "required" },
        { "flow", Parameters + ".flow_action", Str("data_exchange"), Parameters + ".flow_action_payload", "notAllowed" },
        { "flow", Parameters + ".flow_action_payload.screen", Remove, Parameters + ".flow_action_payload.screen", "required" },
        { "flow", Parameters + ".flow_action_payload.data", "{}", Parameters + ".flow_action_payload.data", "minItems" },
        { "flow", Parameters + ".flow_action_payload.data", "[1]", Parameters + ".flow_action_payload.data", "type" },
        { "flow", Parameters + ".mode", Str("test"), Parameters + ".mode", "enum" },
        { "flow", Parameters + ".flow_version", Str("3"), Parameters + ".flow_version", "unknownMember" },
        { "flow", "header", """{"type":"image","image":{"id":"1"}}""", "header.type", "enum" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string example, string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit(example, path, value), errorPath, rule);

    public static TheoryData<string, string, string> Accepted => new()
    {
        { "cta_url", "action.parameters.url", Str("http://track.example.com/AB123") },
        { "cta_url", "action.parameters.display_text", Text(CtaUrlRules.MaxDisplayTextLength) },
        { "voice_call", "action.parameters", Remove },
        { "voice_call", "action.parameters.ttl_minutes", VoiceCallRules.MaxTtlMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        { "voice_call", "action.parameters.payload", Text(VoiceCallRules.MaxPayloadLength) },
        { "flow", Parameters + ".flow_cta", Text(FlowRules.MaxCtaLength) },
        { "flow", Parameters + ".flow_token", Text(FlowRules.MaxTokenLength) },
        { "flow", Parameters + ".flow_token", Remove },
        { "flow", Parameters + ".flow_action", Remove },
        { "flow", Parameters + ".flow_action_payload.data", Remove },
        { "flow", Parameters + ".mode", Str("draft") },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Values_at_the_limits_and_defaults_are_accepted(string example, string path, string value) =>
        AssertAccepted(Edit(example, path, value));

    [Fact]
    public void A_flow_named_instead_of_numbered_is_accepted()
    {
        var message = Edit("flow", Parameters + ".flow_id", Remove);
        AssertAccepted(Edit(message, Parameters + ".flow_name", Str("repair_booking")));
    }

    [Fact]
    public void A_data_exchange_flow_without_a_payload_is_accepted()
    {
        var message = Edit("flow", Parameters + ".flow_action", Str("data_exchange"));
        AssertAccepted(Edit(message, Parameters + ".flow_action_payload", Remove));
    }
}
