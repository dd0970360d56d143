using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;
using static WhatsAppHub.Core.Tests.Inbound.GoldenEvents;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>
/// The changes whose field is not <c>messages</c> (whatsapp-cloud-api.md §5.6, §8.1 calls, §8.2 groups): kept raw,
/// with the event and subject a listing filters on.
/// </summary>
public class AccountEventGoldenTests
{
    private const long EntryTime = 1767601000;

    private static AccountEvent One(string field, string value, long? time = EntryTime)
    {
        var evt = Parse(Entry(time, (field, value)));
        Assert.Empty(evt.Unknown);
        Assert.Empty(evt.Messages);
        var account = Assert.Single(evt.AccountEvents);
        Assert.Equal(JsonNode.Parse(value)!.ToJsonString(), account.ValueJson);
        return account;
    }

    /// <summary>Management fields carry no metadata, only (sometimes) the display number.</summary>
    private static AccountEvent Expected(string field, string? evt, string? subject, string valueJson, string? kind = null, string? display = null) =>
        new(field, kind ?? field, true, evt, subject, At(EntryTime), new ChangeMetadata(null, display), JsonNode.Parse(valueJson)!.ToJsonString());

    [Theory]
    [InlineData("""{"event":"DISABLED_UPDATE","ban_info":{"waba_ban_state":"SCHEDULE_FOR_DISABLE","waba_ban_date":"March 10, 2026"}}""", "DISABLED_UPDATE", null)]
    [InlineData("""{"event":"ACCOUNT_VIOLATION","violation_info":{"violation_type":"SCAM"}}""", "ACCOUNT_VIOLATION", null)]
    [InlineData("""{"event":"PARTNER_APP_INSTALLED","waba_info":{"waba_id":"402118733562209","owner_business_id":"1100"}}""", "PARTNER_APP_INSTALLED", "402118733562209")]
    [InlineData("""{"event":"AUTH_INTL_PRICE_ELIGIBILITY_UPDATE","auth_international_rate_eligibility":{"start_time":1767601000,"exception_countries":[{"country_code":"IN","start_time":1767601000}]}}""", "AUTH_INTL_PRICE_ELIGIBILITY_UPDATE", null)]
    [InlineData("""{"event":"MM_LITE_TERMS_SIGNED"}""", "MM_LITE_TERMS_SIGNED", null)]
    public void Account_update(string value, string evt, string? subject) =>
        Assert.Equal(Expected("account_update", evt, subject, value), One("account_update", value));

    [Fact]
    public void Account_review_update() =>
        Assert.Equal(Expected("account_review_update", "APPROVED", null, """{"decision":"APPROVED"}"""), One("account_review_update", """{"decision":"APPROVED"}"""));

    [Fact]
    public void Phone_number_name_update()
    {
        const string value = """{"display_phone_number":"4930555501234","decision":"REJECTED","requested_verified_name":"Example","rejection_reason":"NAME_FORMAT_UNACCEPTABLE"}""";
        Assert.Equal(Expected("phone_number_name_update", "REJECTED", DisplayNumber, value, display: DisplayNumber), One("phone_number_name_update", value));
    }

    [Fact]
    public void Phone_number_quality_update()
    {
        const string value = """{"display_phone_number":"4930555501234","event":"THROUGHPUT_UPGRADE","max_daily_conversations_per_business":"TIER_UNLIMITED"}""";
        Assert.Equal(Expected("phone_number_quality_update", "THROUGHPUT_UPGRADE", DisplayNumber, value, display: DisplayNumber), One("phone_number_quality_update", value));
    }

    [Theory]
    [InlineData("""{"message_template_id":1234567890123,"message_template_name":"order_shipped","message_template_language":"en_GB","new_category":"UTILITY","correct_category":"MARKETING","category_update_timestamp":1767800000}""", "MARKETING")]
    [InlineData("""{"message_template_id":1234567890123,"message_template_name":"order_shipped","message_template_language":"en_GB","previous_category":"UTILITY","new_category":"MARKETING"}""", "MARKETING")]
    [InlineData("""{"message_template_id":1234567890123,"message_template_name":"order_shipped","message_template_language":"en_GB","previous_category":"MARKETING","new_category":"UTILITY"}""", "UTILITY")]
    public void Template_category_update_impending_and_completed(string value, string category) =>
        Assert.Equal(Expected("template_category_update", category, "1234567890123", value), One("template_category_update", value));

    [Fact]
    public void Message_template_status_update()
    {
        const string value = """{"event":"REJECTED","message_template_id":1234567890123,"message_template_name":"spring_offer","message_template_language":"en_GB","reason":"INVALID_FORMAT","message_template_category":"MARKETING","rejection_info":{"reason":"Two variables are adjacent.","recommendation":"Put text between variables."}}""";
        Assert.Equal(Expected("message_template_status_update", "REJECTED", "1234567890123", value), One("message_template_status_update", value));
    }

    [Fact]
    public void Template_without_an_id_is_named_by_name_and_language()
    {
        const string value = """{"event":"APPROVED","message_template_name":"spring_offer","message_template_language":"en_GB"}""";
        Assert.Equal("spring_offer/en_GB", One("message_template_status_update", value).Subject);
    }

    [Fact]
    public void Message_template_quality_update_also_when_meta_sends_it_as_a_status_update()
    {
        const string value = """{"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":1234567890123,"message_template_name":"spring_offer","message_template_language":"en_GB"}""";
        Assert.Equal(Expected("message_template_quality_update", "YELLOW", "1234567890123", value), One("message_template_quality_update", value));
        Assert.Equal(Expected("message_template_status_update", "YELLOW", "1234567890123", value, kind: "message_template_quality_update"),
            One("message_template_status_update", value));
    }

    [Theory]
    [InlineData("""{"max_daily_conversations_per_business":"TIER_10K","max_phone_numbers_per_waba":25}""", "TIER_10K")]
    [InlineData("""{"max_daily_conversations_per_business":10000,"max_phone_numbers_per_business":2}""", "10000")]
    [InlineData("""{"max_daily_conversation_per_phone":-1}""", "-1")]
    public void Business_capability_update_tier_as_string_or_integer(string value, string tier) =>
        Assert.Equal(Expected("business_capability_update", tier, null, value), One("business_capability_update", value));

    [Fact]
    public void User_preferences_name_the_contact_and_the_preference()
    {
        const string value = """{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930555501234","phone_number_id":"588812340017765"},"contacts":[{"profile":{"name":"Mara"},"wa_id":"4915255501111"}],"user_preferences":[{"wa_id":"4915255501111","detail":"User requested to stop marketing messages","category":"marketing_messages","value":"stop","timestamp":1767601200}]}""";
        Assert.Equal(new AccountEvent("user_preferences", "user_preferences", true, "stop", ContactWaId, At(1767601200), Metadata, JsonNode.Parse(value)!.ToJsonString()),
            One("user_preferences", value, time: null));
    }

    [Fact]
    public void Security()
    {
        const string value = """{"display_phone_number":"4930555501234","event":"PIN_CHANGED","requester":"1122334455"}""";
        Assert.Equal(Expected("security", "PIN_CHANGED", DisplayNumber, value, display: DisplayNumber), One("security", value));
    }

    [Fact]
    public void Account_alerts()
    {
        const string value = """{"entity_type":"PHONE_NUMBER","entity_id":"588812340017765","alert_info":{"alert_severity":"WARNING","alert_status":"ACTIVE","alert_type":"OBA_APPROVED","alert_description":"Official business account approved"}}""";
        Assert.Equal(Expected("account_alerts", "OBA_APPROVED", PhoneNumberId, value), One("account_alerts", value));
    }

    [Theory]
    [InlineData("""{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930555501234","phone_number_id":"588812340017765"},"contacts":[{"profile":{"name":"Mara"},"wa_id":"4915255501111"}],"calls":[{"id":"wacid.CONNECT1","to":"4930555501234","from":"4915255501111","event":"connect","timestamp":"1767601300","direction":"USER_INITIATED","session":{"sdp_type":"offer","sdp":"v=0"}}]}""", "connect", "wacid.CONNECT1")]
    [InlineData("""{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930555501234","phone_number_id":"588812340017765"},"statuses":[{"id":"wacid.OUT1","timestamp":"1767601300","type":"call","status":"RINGING","recipient_id":"4915255501111","biz_opaque_callback_data":"case-1"}]}""", "RINGING", "wacid.OUT1")]
    [InlineData("""{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930555501234","phone_number_id":"588812340017765"},"calls":[{"id":"wacid.END1","to":"4915255501111","from":"4930555501234","event":"terminate","direction":"BUSINESS_INITIATED","biz_opaque_callback_data":"case-1","timestamp":"1767601300","status":"COMPLETED","start_time":"1767601180","end_time":"1767601300","duration":120}]}""", "terminate", "wacid.END1")]
    public void Calls_connect_status_and_terminate(string value, string evt, string callId) =>
        Assert.Equal(new AccountEvent("calls", "calls", true, evt, callId, At(1767601300), Metadata, JsonNode.Parse(value)!.ToJsonString()),
            One("calls", value, time: null));

    [Theory]
    [InlineData("group_lifecycle_update", """{"timestamp":"1767601400","group_id":"GRP1","type":"group_create","request_id":"req-1","subject":"Team","invite_link":"https://chat.whatsapp.com/x","join_approval_mode":"auto_approve"}""", "group_create")]
    [InlineData("group_participants_update", """{"timestamp":"1767601400","group_id":"GRP1","type":"group_participants_add","reason":"invite_link","added_participants":[{"wa_id":"4915255501111"}]}""", "group_participants_add")]
    [InlineData("group_settings_update", """{"timestamp":"1767601400","group_id":"GRP1","type":"group_settings_update","group_subject":{"text":"New name","update_successful":true}}""", "group_settings_update")]
    [InlineData("group_status_update", """{"timestamp":"1767601400","group_id":"GRP1","type":"group_suspend"}""", "group_suspend")]
    public void Group_events_name_the_group(string field, string group, string type)
    {
        var value = MessagesValue($$$""" "groups":[{{{group}}},{"timestamp":"1767601500","group_id":"GRP2","type":"later"}]""");
        Assert.Equal(new AccountEvent(field, field, true, type, "GRP1", At(1767601400), Metadata, JsonNode.Parse(value)!.ToJsonString()),
            One(field, value, time: null));
    }

    [Fact]
    public void An_unknown_field_is_kept_and_marked_unknown()
    {
        const string value = """{"event":"SOMETHING_NEW","display_phone_number":"4930555501234","detail":{"a":1}}""";
        Assert.Equal(new AccountEvent("brand_new_field", "brand_new_field", false, "SOMETHING_NEW", DisplayNumber, At(EntryTime),
            new ChangeMetadata(null, DisplayNumber), JsonNode.Parse(value)!.ToJsonString()), One("brand_new_field", value));
    }

    [Fact]
    public void A_known_field_with_an_unexpected_shape_is_kept_without_event_or_subject()
    {
        Assert.Equal(Expected("calls", null, null, """{"calls":[1,"two"],"statuses":{}}"""), One("calls", """{"calls":[1,"two"],"statuses":{}}"""));
        Assert.Equal(Expected("user_preferences", null, null, """{"user_preferences":[]}"""), One("user_preferences", """{"user_preferences":[]}"""));
    }
}
