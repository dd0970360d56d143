using WhatsAppHub.Core.Inbound;
using static WhatsAppHub.Core.Tests.Inbound.GoldenEvents;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>Every <c>value.messages[]</c> type of whatsapp-cloud-api.md §5.3, wrapped as EUM publishes it.</summary>
public class InboundMessageGoldenTests
{
    [Fact]
    public void Text()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.T1","timestamp":"1767600000","type":"text","text":{"body":"Is size M back?"}}""");
        Assert.Equal(Expected(raw, "wamid.T1", "text", BaseTime, new TextContent("Is size M back?")), message);
        Assert.Equal("Is size M back?", message.Content.Summary);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Audio_voice_note_or_not(bool voice)
    {
        var (message, raw) = OneMessage($$$"""{"from":"4915255501111","id":"wamid.A1","timestamp":"1767600001","type":"audio","audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"z9x8c7v6=","id":"4455667788990011","url":"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=4455","voice":{{{(voice ? "true" : "false")}}}}}""");
        Assert.Equal(Expected(raw, "wamid.A1", "audio", BaseTime + 1, new MediaContent("audio", "4455667788990011", "audio/ogg; codecs=opus", "z9x8c7v6=",
            null, null, "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=4455", voice, null)), message);
    }

    [Fact]
    public void Image_with_caption()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.I1","timestamp":"1767600002","type":"image","image":{"caption":"Damaged box","mime_type":"image/jpeg","sha256":"q1w2e3=","id":"3344556677889900","url":"https://lookaside.fbsbx.com/?mid=3344"}}""");
        Assert.Equal(Expected(raw, "wamid.I1", "image", BaseTime + 2,
            new MediaContent("image", "3344556677889900", "image/jpeg", "q1w2e3=", "Damaged box", null, "https://lookaside.fbsbx.com/?mid=3344", null, null)), message);
        Assert.Equal("Damaged box", message.Content.Summary);
    }

    [Fact]
    public void Document_with_file_name()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.D1","timestamp":"1767600003","type":"document","document":{"filename":"label.pdf","caption":"The label","mime_type":"application/pdf","sha256":"m1n2=","id":"5566778899001122","url":"https://lookaside.fbsbx.com/?mid=5566"}}""");
        Assert.Equal(Expected(raw, "wamid.D1", "document", BaseTime + 3,
            new MediaContent("document", "5566778899001122", "application/pdf", "m1n2=", "The label", "label.pdf", "https://lookaside.fbsbx.com/?mid=5566", null, null)), message);
    }

    [Fact]
    public void Video()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.V1","timestamp":"1767600004","type":"video","video":{"mime_type":"video/mp4","sha256":"v1d2=","id":"6677889900112233","url":"https://lookaside.fbsbx.com/?mid=6677"}}""");
        Assert.Equal(Expected(raw, "wamid.V1", "video", BaseTime + 4,
            new MediaContent("video", "6677889900112233", "video/mp4", "v1d2=", null, null, "https://lookaside.fbsbx.com/?mid=6677", null, null)), message);
        Assert.Equal("[video]", message.Content.Summary);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sticker_animated_or_not(bool animated)
    {
        var (message, raw) = OneMessage($$$"""{"from":"4915255501111","id":"wamid.S1","timestamp":"1767600005","type":"sticker","sticker":{"mime_type":"image/webp","sha256":"s1t2=","id":"7788990011223344","url":"https://lookaside.fbsbx.com/?mid=7788","animated":{{{(animated ? "true" : "false")}}}}}""");
        Assert.Equal(Expected(raw, "wamid.S1", "sticker", BaseTime + 5,
            new MediaContent("sticker", "7788990011223344", "image/webp", "s1t2=", null, null, "https://lookaside.fbsbx.com/?mid=7788", null, animated)), message);
    }

    [Fact]
    public void Location()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.L1","timestamp":"1767600006","context":{"from":"4930555501234","id":"wamid.OUR_LOCATION_REQUEST"},"type":"location","location":{"latitude":51.5033,"longitude":-0.1196,"name":"Home","address":"1 Riverside Walk","url":"https://example.com/home"}}""");
        Assert.Equal(Expected(raw, "wamid.L1", "location", BaseTime + 6, new LocationContent(51.5033, -0.1196, "Home", "1 Riverside Walk", "https://example.com/home"),
            context: new MessageContext("4930555501234", "wamid.OUR_LOCATION_REQUEST", false, false, null, null)), message);
    }

    [Fact]
    public void Contacts_cards_give_their_formatted_names()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.C1","timestamp":"1767600007","type":"contacts","contacts":[{"name":{"formatted_name":"Sam Lee","first_name":"Sam"},"phones":[{"phone":"+447700900789","type":"MOBILE","wa_id":"447700900789"}]},{"name":{"first_name":"Nameless"}}]}""");
        var content = Assert.IsType<ContactsContent>(message.Content);
        Assert.Equal(["Sam Lee"], content.FormattedNames);
        Assert.Equal(2, content.Count);
        Assert.Equal(Expected(raw, "wamid.C1", "contacts", BaseTime + 7, content), message);
    }

    [Fact]
    public void Button_tap_on_a_template()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.B1","timestamp":"1767600008","context":{"from":"4930555501234","id":"wamid.OUR_TEMPLATE"},"type":"button","button":{"payload":"appt-991:confirm","text":"Confirm"}}""");
        Assert.Equal(Expected(raw, "wamid.B1", "button", BaseTime + 8, new ButtonContent("appt-991:confirm", "Confirm"),
            context: new MessageContext("4930555501234", "wamid.OUR_TEMPLATE", false, false, null, null)), message);
    }

    [Fact]
    public void Interactive_button_reply()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.IB","timestamp":"1767600009","context":{"from":"4930555501234","id":"wamid.OUR_BUTTONS"},"type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"slot-keep","title":"Keep slot"}}}""");
        Assert.Equal(Expected(raw, "wamid.IB", "interactive", BaseTime + 9, new InteractiveReplyContent("button_reply", ReplyId: "slot-keep", Title: "Keep slot"),
            context: new MessageContext("4930555501234", "wamid.OUR_BUTTONS", false, false, null, null)), message);
    }

    [Fact]
    public void Interactive_list_reply()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.IL","timestamp":"1767600010","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"ship-next","title":"Next day","description":"Order by 18:00"}}}""");
        Assert.Equal(Expected(raw, "wamid.IL", "interactive", BaseTime + 10,
            new InteractiveReplyContent("list_reply", ReplyId: "ship-next", Title: "Next day", Description: "Order by 18:00")), message);
    }

    [Fact]
    public void Interactive_flow_reply_gives_its_flow_token()
    {
        const string response = """{"flow_token":"case-77812","slot":"2026-03-03T10:00"}""";
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.IF","timestamp":"1767600011","type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"case-77812\",\"slot\":\"2026-03-03T10:00\"}"}}}""");
        Assert.Equal(Expected(raw, "wamid.IF", "interactive", BaseTime + 11,
            new InteractiveReplyContent("nfm_reply", FlowName: "flow", Body: "Sent", ResponseJson: response, FlowToken: "case-77812")), message);
    }

    [Fact]
    public void Interactive_address_message_reply_keeps_the_address_json()
    {
        const string response = """{"values":{"name":"Mara","phone_number":"4915255501111","city":"Berlin","in_pin_code":"10115"}}""";
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.IA","timestamp":"1767600012","type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"address_message","body":"Mara, Berlin","response_json":"{\"values\":{\"name\":\"Mara\",\"phone_number\":\"4915255501111\",\"city\":\"Berlin\",\"in_pin_code\":\"10115\"}}"}}}""");
        Assert.Equal(Expected(raw, "wamid.IA", "interactive", BaseTime + 12,
            new InteractiveReplyContent("nfm_reply", FlowName: "address_message", Body: "Mara, Berlin", ResponseJson: response)), message);
    }

    [Fact]
    public void Interactive_call_permission_reply()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.IC","timestamp":"1767600013","context":{"from":"4930555501234","id":"wamid.OUR_CALL_PERMISSION_REQUEST"},"type":"interactive","interactive":{"type":"call_permission_reply","call_permission_reply":{"response":"accept","is_permanent":false,"expiration_timestamp":1768204800,"response_source":"user_action"}}}""");
        Assert.Equal(Expected(raw, "wamid.IC", "interactive", BaseTime + 13,
            new InteractiveReplyContent("call_permission_reply", Response: "accept", IsPermanent: false, ExpiresAt: At(1768204800), ResponseSource: "user_action"),
            context: new MessageContext("4930555501234", "wamid.OUR_CALL_PERMISSION_REQUEST", false, false, null, null)), message);
    }

    [Fact]
    public void Order_keeps_its_items_and_prices()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.O1","timestamp":"1767600014","type":"order","order":{"catalog_id":"556677889900","text":"Gift wrap please","product_items":[{"product_retailer_id":"SKU-88","quantity":2,"item_price":12.5,"currency":"EUR"},{"product_retailer_id":"SKU-201","quantity":"1","item_price":8,"currency":"EUR"}]}}""");
        var content = Assert.IsType<OrderContent>(message.Content);
        Assert.Equal(("556677889900", "Gift wrap please"), (content.CatalogId, content.Text));
        Assert.Equal([new OrderItem("SKU-88", 2, 12.5m, "EUR"), new OrderItem("SKU-201", 1, 8m, "EUR")], content.Items);
        Assert.Equal(Expected(raw, "wamid.O1", "order", BaseTime + 14, content), message);
    }

    [Fact]
    public void Reaction_and_its_removal()
    {
        var (added, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.R1","timestamp":"1767600015","type":"reaction","reaction":{"message_id":"wamid.OUR_MSG","emoji":"\u2764\uFE0F"}}""");
        Assert.Equal(Expected(raw, "wamid.R1", "reaction", BaseTime + 15, new ReactionContent("wamid.OUR_MSG", "\u2764\uFE0F")), added);
        Assert.False(((ReactionContent)added.Content).Removed);

        var (removed, raw2) = OneMessage("""{"from":"4915255501111","id":"wamid.R2","timestamp":"1767600016","type":"reaction","reaction":{"message_id":"wamid.OUR_MSG"}}""");
        Assert.Equal(Expected(raw2, "wamid.R2", "reaction", BaseTime + 16, new ReactionContent("wamid.OUR_MSG", null)), removed);
        Assert.True(((ReactionContent)removed.Content).Removed);
        Assert.Equal("[reaction removed]", removed.Content.Summary);
    }

    [Fact]
    public void System_user_changed_number_has_no_contacts()
    {
        var evt = Parse(Entry(null, ("messages", MessagesValue("""  "messages":[{"from":"4915255501111","id":"wamid.SY","timestamp":"1767600017","type":"system","system":{"body":"User Mara changed from 4915255501111 to 4915255509999","wa_id":"4915255509999","type":"user_changed_number"}}]"""))));
        var message = Assert.Single(evt.Messages);
        Assert.Equal(new SystemContent("User Mara changed from 4915255501111 to 4915255509999", "4915255509999", "user_changed_number"), message.Content);
        Assert.Null(message.ContactName);
        Assert.Equal(ContactWaId, message.WaId);
    }

    [Fact]
    public void Unsupported_keeps_its_type_and_errors()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.U1","timestamp":"1767600018","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}],"unsupported":{"type":"poll"}}""");
        var content = Assert.IsType<UnsupportedContent>(message.Content);
        Assert.Equal("poll", content.UnsupportedType);
        Assert.Equal([new WebhookError("131051", "Message type unknown", "Message type is currently not supported.")], content.Errors);
        Assert.Equal(Expected(raw, "wamid.U1", "unsupported", BaseTime + 18, content), message);
    }

    [Fact]
    public void Request_welcome()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.W1","timestamp":"1767600019","type":"request_welcome"}""");
        Assert.Equal(Expected(raw, "wamid.W1", "request_welcome", BaseTime + 19, new RequestWelcomeContent()), message);
    }

    [Fact]
    public void Click_to_WhatsApp_referral_with_every_key()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.AD1","timestamp":"1767600020","type":"text","text":{"body":"Tell me more"},"referral":{"source_url":"https://fb.me/abcd","source_id":"120200000000000001","source_type":"ad","headline":"Spring sale","body":"Up to 30% off","media_type":"image","image_url":"https://scontent.example/ad.jpg","video_url":"https://scontent.example/ad.mp4","thumbnail_url":"https://scontent.example/thumb.jpg","ctwa_clid":"ARAkLmNoPq","welcome_message":{"text":"Hi! How can we help?"},"ref":"seq-7"}}""");
        Assert.Equal(Expected(raw, "wamid.AD1", "text", BaseTime + 20, new TextContent("Tell me more"),
            referral: new Referral("https://fb.me/abcd", "120200000000000001", "ad", "Spring sale", "Up to 30% off", "image", "https://scontent.example/ad.jpg",
                "https://scontent.example/ad.mp4", "https://scontent.example/thumb.jpg", "ARAkLmNoPq", "Hi! How can we help?", "seq-7")), message);
    }

    [Fact]
    public void Status_ad_referral_has_no_click_id()
    {
        var (message, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.AD2","timestamp":"1767600021","type":"sticker","sticker":{"mime_type":"image/webp","id":"88","animated":true},"referral":{"source_url":"https://fb.me/efgh","source_id":120200000000000002,"source_type":"ad","media_type":"video","video_url":"https://scontent.example/v.mp4","thumbnail_url":"https://scontent.example/t.jpg"}}""");
        Assert.Equal(Expected(raw, "wamid.AD2", "sticker", BaseTime + 21, new MediaContent("sticker", "88", "image/webp", null, null, null, null, null, true),
            referral: new Referral("https://fb.me/efgh", "120200000000000002", "ad", null, null, "video", null, "https://scontent.example/v.mp4",
                "https://scontent.example/t.jpg", null, null, null)), message);
    }

    [Theory]
    [InlineData("""{"forwarded":true}""", false, true, false, null, null)]
    [InlineData("""{"frequently_forwarded":true}""", false, false, true, null, null)]
    [InlineData("""{"from":"4930555501234","id":"wamid.OUR_PRODUCT","referred_product":{"catalog_id":"556677889900","product_retailer_id":"SKU-88"}}""", true, false, false, "556677889900", "SKU-88")]
    public void Context_forwarding_and_referred_product(string context, bool reply, bool forwarded, bool frequently, string? catalog, string? product)
    {
        var (message, raw) = OneMessage($$$"""{"from":"4915255501111","id":"wamid.X1","timestamp":"1767600022","context":{{{context}}},"type":"text","text":{"body":"Does this come in green?"}}""");
        Assert.Equal(Expected(raw, "wamid.X1", "text", BaseTime + 22, new TextContent("Does this come in green?"),
            context: new MessageContext(reply ? "4930555501234" : null, reply ? "wamid.OUR_PRODUCT" : null, forwarded, frequently, catalog, product)), message);
    }

    [Fact]
    public void Group_message_names_its_group_and_participant()
    {
        var (message, raw) = OneMessage(
            """{"from":"4915255502222","group_id":"Y2FwaV9ncm91cDo0OTE1MjU1NTAxMTExOjEyMw","id":"wamid.G1","timestamp":"1767600023","type":"text","text":{"body":"Hello group"}}""",
            """[{"profile":{"name":"Jonas"},"wa_id":"4915255502222"}]""");
        Assert.Equal(new InboundMessage(Metadata, "4915255502222", "wamid.G1", "text", At(BaseTime + 23), "Jonas", "4915255502222",
            "Y2FwaV9ncm91cDo0OTE1MjU1NTAxMTExOjEyMw", null, null, new TextContent("Hello group"), raw), message);
    }

    [Fact]
    public void Unknown_type_and_unknown_interactive_kind_are_kept_raw()
    {
        var (hologram, raw) = OneMessage("""{"from":"4915255501111","id":"wamid.N1","timestamp":"1767600024","type":"hologram","hologram":{"id":"1"}}""");
        Assert.Equal("hologram", hologram.Type);
        Assert.Contains("hologram", Assert.IsType<UnknownContent>(hologram.Content).Reason);
        Assert.Equal(raw, hologram.RawJson);
        Assert.Null(hologram.Content.Summary);

        var (interactive, raw2) = OneMessage("""{"from":"4915255501111","id":"wamid.N2","timestamp":"1767600025","type":"interactive","interactive":{"type":"carousel_reply","carousel_reply":{"id":"c1"}}}""");
        Assert.Contains("carousel_reply", Assert.IsType<UnknownContent>(interactive.Content).Reason);
        Assert.Equal(raw2, interactive.RawJson);

        var (empty, _) = OneMessage("""{"from":"4915255501111","id":"wamid.N3","timestamp":"1767600026","type":"text","text":"not an object"}""");
        Assert.IsType<UnknownContent>(empty.Content);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_kept_as_written_rather_than_failing_the_event()
    {
        // Written by hand: .NET's own writers refuse to produce this text, but other senders can.
        var value = MessagesValue("""  "messages":[{"from":"4915255501111","id":"wamid.Z1","timestamp":"1767600027","type":"text","text":{"body":"broken \uD800 emoji"}}]""");
        var evt = Parse($$"""{"id":"{{WabaId}}","changes":[{"field":"messages","value":{{value}}}]}""");
        Assert.Equal(new TextContent("broken \\uD800 emoji"), Assert.Single(evt.Messages).Content);
    }

    [Fact]
    public void Several_messages_statuses_and_changes_keep_their_order_and_senders()
    {
        var first = MessagesValue("""
            "contacts":[{"profile":{"name":"Mara"},"wa_id":"4915255501111"},{"profile":{"name":"Jonas"},"wa_id":"4915255502222"}],
            "messages":[
              {"from":"4915255502222","id":"wamid.M1","timestamp":"1767600030","type":"text","text":{"body":"one"}},
              {"from":"4915255501111","id":"wamid.M2","timestamp":"1767600031","type":"text","text":{"body":"two"}},
              {"from":"4915255503333","id":"wamid.M3","timestamp":"1767600032","type":"text","text":{"body":"three"}}],
            "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"1767600033","recipient_id":"4915255501111"}]
            """);
        var second = MessagesValue("""
            "statuses":[{"id":"wamid.OUT2","status":"read","timestamp":"1767600034","recipient_id":"4915255502222"},
                        {"id":"wamid.OUT3","status":"sent","timestamp":"1767600035","recipient_id":"4915255503333"}]
            """);
        var evt = Parse(Entry(null, ("messages", first), ("messages", second), ("account_review_update", """{"decision":"APPROVED"}""")));

        Assert.Equal([("wamid.M1", "Jonas", "4915255502222"), ("wamid.M2", "Mara", "4915255501111"), ("wamid.M3", null, "4915255503333")],
            evt.Messages.Select(m => (m.Wamid, m.ContactName, m.WaId)));
        Assert.Equal(["wamid.OUT1", "wamid.OUT2", "wamid.OUT3"], evt.Statuses.Select(s => s.Wamid));
        Assert.Equal(["delivered", "read", "sent"], evt.Statuses.Select(s => s.Status));
        Assert.Equal("account_review_update", Assert.Single(evt.AccountEvents).Field);
        Assert.Empty(evt.Unknown);
        Assert.All(evt.Messages, m => Assert.Equal(Arn, evt.EumPhoneNumberFor(m.MetaPhoneNumberId)));
    }

    [Fact]
    public void Errors_webhook_keeps_the_change_metadata()
    {
        var evt = Parse(Entry(null, ("messages", MessagesValue("""
            "errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit","error_data":{"details":"Too many messages"},"href":"/documentation/business-messaging/whatsapp/support/error-codes"},
                      {"code":"131000","message":"Something went wrong"}]
            """))));
        Assert.Equal([
            new WebhookError("130429", "Rate limit hit", "Too many messages", "/documentation/business-messaging/whatsapp/support/error-codes") { Metadata = Metadata },
            new WebhookError("131000", "Something went wrong", null) { Metadata = Metadata }], evt.Errors);
        Assert.Empty(evt.Messages);
        Assert.Empty(evt.Unknown);
    }

    [Fact]
    public void Malformed_items_land_in_unknown_with_where_they_were()
    {
        var entry = """
            {"id":"402118733562209","changes":[
              {"field":"messages","value":{"messages":[{"type":"text","text":{"body":"no sender"}},"a string"],"statuses":[{"status":"read"}],"errors":[42]}},
              {"value":{}},
              {"field":"messages","value":[]},
              {"field":"messages","value":{"metadata":{}}},
              7]}
            """;
        var evt = Parse(entry);
        Assert.Equal([
            "changes[0].value.messages[0]", "changes[0].value.messages[1]", "changes[0].value.statuses[0]", "changes[0].value.errors[0]",
            "changes[1]", "changes[2]", "changes[3].value", "changes[4]"], evt.Unknown.Select(u => u.Where));
        Assert.Equal("\"a string\"", evt.Unknown[1].RawJson);
        Assert.Equal("7", evt.Unknown[^1].RawJson);
        Assert.All(evt.Unknown, u => Assert.False(string.IsNullOrEmpty(u.Reason)));
        Assert.Empty(evt.Messages);
        Assert.Empty(evt.Statuses);
        Assert.Empty(evt.Errors);
    }
}
