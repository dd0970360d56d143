using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>The reference examples of whatsapp-cloud-api.md §5 as the normalized events subscribers and the history see.</summary>
public class HubEventMapperTests
{
    private const string Waba = "102030405060708";
    private const string MetaPhone = "109876543210987";
    private const string Arn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Fallback = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);

    private const string Metadata = "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"442071234567\",\"phone_number_id\":\"109876543210987\"}";

    private const string ReferralValue = "{" + Metadata + ",\"contacts\":[{\"profile\":{\"name\":\"Priya\"},\"wa_id\":\"447700900123\"}],"
        + "\"messages\":[{\"from\":\"447700900123\",\"id\":\"wamid.AAA2\",\"timestamp\":\"1772580010\",\"type\":\"text\",\"text\":{\"body\":\"Tell me more\"},"
        + "\"referral\":{\"source_url\":\"https://fb.me/abcd\",\"source_id\":\"120200000000000001\",\"source_type\":\"ad\",\"headline\":\"Spring sale\","
        + "\"body\":\"Up to 30% off\",\"media_type\":\"image\",\"image_url\":\"https://scontent.example/ad.jpg\",\"ctwa_clid\":\"ARAkLmNoPq\","
        + "\"welcome_message\":{\"text\":\"Hi! How can we help?\"}}}]}";

    private const string SentValue = "{" + Metadata + ",\"statuses\":[{\"id\":\"wamid.OUR_TEMPLATE\",\"status\":\"sent\",\"timestamp\":\"1772580200\","
        + "\"recipient_id\":\"447700900123\",\"biz_opaque_callback_data\":\"whatsapphub:0193a1b2c3d4\","
        + "\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"marketing\"}}]}";

    private const string GroupValue = "{\"statuses\":[{\"id\":\"wamid.OUR_GROUP_MSG\",\"status\":\"delivered\",\"timestamp\":\"1772580320\","
        + "\"recipient_id\":\"Y2FwaV9ncm91cDo0NDc3MDA5MDAxMjM6MTIz\",\"recipient_type\":\"group\",\"recipient_participant_id\":\"447700900123\","
        + "\"biz_opaque_callback_data\":\"campaign-42/row-17\"}]}";

    private const string ErrorValue = "{" + Metadata + ",\"errors\":[{\"code\":130429,\"title\":\"Rate limit hit\",\"message\":\"Rate limit hit\","
        + "\"error_data\":{\"details\":\"Too many messages\"},\"href\":\"/documentation/business-messaging/whatsapp/support/error-codes\"}]}";

    private const string AccountValue = "{\"event\":\"DISABLED_UPDATE\",\"ban_info\":{\"waba_ban_state\":\"SCHEDULE_FOR_DISABLE\",\"waba_ban_date\":\"March 10, 2026\",\"note\":null}}";

    private static EumEvent Parse(string changesJson, string? published = "2026-03-04T08:00:01.123456789Z", long? time = 1772581000)
    {
        var entry = $"{{\"id\":\"{Waba}\"{(time is { } t ? $",\"time\":{t}" : "")},\"changes\":{changesJson}}}";
        var message = new JsonObject
        {
            ["context"] = new JsonObject { ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = MetaPhone, ["arn"] = Arn }) },
            ["whatsAppWebhookEntry"] = entry,
            ["aws_account_id"] = "123456789012",
            ["message_timestamp"] = published,
        }.ToJsonString();
        return EumEventParser.Parse(message).Event ?? throw new InvalidOperationException("not parsed");
    }

    private static string Change(string field, string value) => $"{{\"field\":\"{field}\",\"value\":{value}}}";

    private static JsonElement Data(HubEvent e) => JsonDocument.Parse(e.DataJson).RootElement;

    [Fact]
    public void A_ctwa_text_becomes_message_received_with_its_content_and_referral()
    {
        var e = Assert.Single(HubEventMapper.Map(Parse($"[{Change("messages", ReferralValue)}]"), "sns-1", Fallback));
        Assert.Equal(("message:wamid.AAA2", HubEventTypes.MessageReceived), (e.Id, e.Type));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772580010), e.OccurredAt);
        Assert.Equal((Waba, "phone-number-id-0123456789abcdef0123456789abcdef", "447700900123"), (e.WabaId, e.PhoneNumberId, e.WaId));
        var data = Data(e);
        Assert.Equal("Priya", data.GetProperty("contactName").GetString());
        Assert.Equal("text", data.GetProperty("type").GetString());
        Assert.Equal("Tell me more", data.GetProperty("content").GetProperty("body").GetString());
        var referral = data.GetProperty("referral");
        Assert.Equal("ARAkLmNoPq", referral.GetProperty("ctwaClid").GetString());
        Assert.Equal("120200000000000001", referral.GetProperty("sourceId").GetString());
        Assert.Equal("Hi! How can we help?", referral.GetProperty("welcomeMessageText").GetString());
        Assert.False(data.TryGetProperty("context", out _)); // absent, not null
    }

    [Fact]
    public void Media_content_carries_its_id_type_hash_and_flags()
    {
        var value = "{" + Metadata + ",\"messages\":[{\"from\":\"447700900123\",\"id\":\"wamid.V\",\"timestamp\":\"1772580030\",\"type\":\"audio\","
            + "\"audio\":{\"id\":\"1299875512340098\",\"mime_type\":\"audio/ogg; codecs=opus\",\"sha256\":\"abc=\",\"voice\":true}}]}";
        var content = Data(Assert.Single(HubEventMapper.Map(Parse($"[{Change("messages", value)}]"), "sns-1", Fallback))).GetProperty("content");
        Assert.Equal(("audio", "1299875512340098", "audio/ogg; codecs=opus", "abc=", true),
            (content.GetProperty("mediaType").GetString(), content.GetProperty("id").GetString(), content.GetProperty("mimeType").GetString(),
             content.GetProperty("sha256").GetString(), content.GetProperty("voice").GetBoolean()));
    }

    [Fact]
    public void A_sent_status_names_the_hub_message_and_keeps_pricing_and_callback_data()
    {
        var e = Assert.Single(HubEventMapper.Map(Parse($"[{Change("messages", SentValue)}]"), "sns-1", Fallback));
        Assert.Equal(("status:wamid.OUR_TEMPLATE:sent", "status.sent", "447700900123"), (e.Id, e.Type, e.WaId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772580200), e.OccurredAt);
        var data = Data(e);
        Assert.Equal("0193a1b2c3d4", data.GetProperty("messageId").GetString());
        Assert.Equal("whatsapphub:0193a1b2c3d4", data.GetProperty("callbackData").GetString());
        Assert.Equal("marketing", data.GetProperty("pricing").GetProperty("category").GetString());
        Assert.True(data.GetProperty("pricing").GetProperty("billable").GetBoolean());
    }

    [Fact]
    public void A_group_status_is_about_the_participant_and_a_callers_callback_data_names_no_hub_message()
    {
        var e = Assert.Single(HubEventMapper.Map(Parse($"[{Change("messages", GroupValue)}]"), "sns-1", Fallback));
        Assert.Equal("447700900123", e.WaId);
        Assert.Equal("phone-number-id-0123456789abcdef0123456789abcdef", e.PhoneNumberId); // no metadata: the only number EUM listed
        var data = Data(e);
        Assert.Equal("campaign-42/row-17", data.GetProperty("callbackData").GetString());
        Assert.False(data.TryGetProperty("messageId", out _));
        Assert.Equal("group", data.GetProperty("recipientType").GetString());
    }

    [Fact]
    public void Errors_account_changes_and_unreadable_items_each_become_an_event()
    {
        var evt = Parse($"[{Change("messages", ErrorValue)},{Change("account_update", AccountValue)},{Change("brand_new_field", "{\"x\":1}")},7]");
        var events = HubEventMapper.Map(evt, "sns-1", Fallback);
        Assert.Equal(["error", "account.account_update", "account.brand_new_field", "unknown"], events.Select(e => e.Type));

        var error = Data(events[0]);
        Assert.Equal(("130429", "Rate limit hit", "Too many messages"), (error.GetProperty("code").GetString(), error.GetProperty("title").GetString(), error.GetProperty("details").GetString()));
        Assert.Equal("error:sns-1:0", events[0].Id);
        Assert.Equal("phone-number-id-0123456789abcdef0123456789abcdef", events[0].PhoneNumberId);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 1, TimeSpan.Zero).AddTicks(1234567), events[0].OccurredAt); // EUM's time: errors have none

        var account = Data(events[1]);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772581000), events[1].OccurredAt);
        Assert.Equal(("DISABLED_UPDATE", true), (account.GetProperty("event").GetString(), account.GetProperty("known").GetBoolean()));
        Assert.Equal("SCHEDULE_FOR_DISABLE", account.GetProperty("value").GetProperty("ban_info").GetProperty("waba_ban_state").GetString());
        Assert.Equal(JsonValueKind.Null, account.GetProperty("value").GetProperty("ban_info").GetProperty("note").ValueKind); // Meta's nulls stay
        Assert.False(Data(events[2]).GetProperty("known").GetBoolean());

        var unknown = Data(events[3]);
        Assert.Equal("changes[3]", unknown.GetProperty("where").GetString());
        Assert.Equal(7, unknown.GetProperty("raw").GetInt32());
    }

    [Fact]
    public void The_same_webhook_under_another_sns_message_keeps_the_ids_of_messages_statuses_and_account_changes()
    {
        var changes = $"[{Change("messages", ReferralValue)},{Change("messages", SentValue)},{Change("account_update", AccountValue)}]";
        var first = HubEventMapper.Map(Parse(changes), "sns-1", Fallback);
        var retry = HubEventMapper.Map(Parse(changes, published: "2026-03-04T08:05:00Z"), "sns-2", Fallback.AddHours(1));
        Assert.Equal(first.Select(e => (e.Id, e.OccurredAt)), retry.Select(e => (e.Id, e.OccurredAt)));
        Assert.Equal(first.Select(e => e.DataJson), retry.Select(e => e.DataJson));
    }

    [Fact]
    public void Equal_account_changes_at_other_times_are_other_events()
    {
        var changes = $"[{Change("account_update", AccountValue)}]";
        var a = Assert.Single(HubEventMapper.Map(Parse(changes, time: 1772581000), "sns-1", Fallback));
        var b = Assert.Single(HubEventMapper.Map(Parse(changes, time: 1772581060), "sns-1", Fallback));
        Assert.NotEqual(a.Id, b.Id);
        Assert.StartsWith("account:account_update:", a.Id);
    }

    [Fact]
    public void Without_any_time_the_fallback_is_used_and_a_message_without_a_wamid_still_gets_a_stable_id()
    {
        var value = "{" + Metadata + ",\"messages\":[{\"from\":\"447700900123\",\"type\":\"text\",\"text\":{\"body\":\"no id\"}}]}";
        var changes = $"[{Change("messages", value)}]";
        var e = Assert.Single(HubEventMapper.Map(Parse(changes, published: null, time: null), "sns-1", Fallback));
        Assert.Equal(Fallback, e.OccurredAt);
        Assert.StartsWith("message:#", e.Id);
        Assert.Equal(e.Id, Assert.Single(HubEventMapper.Map(Parse(changes, published: null, time: null), "sns-2", Fallback)).Id);
    }
}
