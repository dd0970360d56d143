using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>
/// The default values of account-level fields (whatsapp-cloud-api.md §5.6, §8.1, §8.2). Where the reference marks a
/// payload unconfirmed (user_preferences, security, calls, the group fields) the shape is the sandbox's reading of
/// Meta's pages; a test that needs another shape overrides the value.
/// </summary>
internal static class FieldSamples
{
    public static IEnumerable<InboundKind> All()
    {
        yield return Field("account_update", c => new JsonObject
        {
            ["event"] = "PARTNER_ADDED",
            ["waba_info"] = new JsonObject { ["waba_id"] = c.Account.MetaWabaId, ["owner_business_id"] = "1234567890123456" },
        });
        yield return Field("account_review_update", c => new JsonObject { ["decision"] = "APPROVED" });
        yield return Field("phone_number_name_update", c => new JsonObject
        {
            ["display_phone_number"] = c.BusinessDigits, ["decision"] = "APPROVED",
            ["requested_verified_name"] = c.Phone.DisplayPhoneNumberName, ["rejection_reason"] = null,
        });
        yield return Field("phone_number_quality_update", c => new JsonObject
        {
            ["display_phone_number"] = c.BusinessDigits, ["event"] = "THROUGHPUT_UPGRADE",
            ["max_daily_conversations_per_business"] = "TIER_UNLIMITED",
        });
        yield return Field("template_category_update", c => Template(SeedTemplateIds.OrderShipped, "order_shipped", "en_US",
            ("previous_category", "UTILITY"), ("new_category", "MARKETING")));
        yield return Field("message_template_status_update", c => Template(SeedTemplateIds.SpringSale, "spring_sale", "en",
            ("event", "APPROVED"), ("reason", "NONE"), ("message_template_category", "MARKETING")));
        yield return Field("message_template_quality_update", c =>
        {
            var value = new JsonObject { ["previous_quality_score"] = "GREEN", ["new_quality_score"] = "YELLOW" };
            foreach (var (name, node) in Template(SeedTemplateIds.HelloWorld, "hello_world", "en_US").ToList())
            {
                value[name] = node?.DeepClone();
            }
            return value;
        });
        yield return Field("business_capability_update", c => new JsonObject
        {
            ["max_daily_conversations_per_business"] = "TIER_10K", ["max_phone_numbers_per_waba"] = 25,
        });
        yield return new InboundKind("user_preferences", "user_preferences", InboundPart.Field, c => new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = c.Metadata(),
            ["contacts"] = new JsonArray(c.Contact()),
            ["user_preferences"] = new JsonArray(new JsonObject
            {
                ["wa_id"] = c.From, ["detail"] = "User requested to stop marketing messages", ["category"] = "marketing_messages",
                ["value"] = "stop", ["timestamp"] = c.Now.ToUnixTimeSeconds(),
            }),
        });
        yield return Field("security", c => new JsonObject
        {
            ["display_phone_number"] = c.BusinessDigits, ["event"] = "PIN_CHANGED", ["requester"] = "1234567890123456",
        });
        // A contact calls the number (a user call opens the 24-hour window, §8.1).
        yield return new InboundKind("calls", "calls", InboundPart.Field, c => new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = c.Metadata(),
            ["contacts"] = new JsonArray(c.Contact()),
            ["calls"] = new JsonArray(new JsonObject
            {
                ["id"] = "wacid." + Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(c.From + ResourceIds.NewHex()[..12])),
                ["to"] = c.BusinessDigits, ["from"] = c.From, ["event"] = "connect", ["timestamp"] = c.UnixNow,
                ["direction"] = "USER_INITIATED",
                ["session"] = new JsonObject
                {
                    ["sdp_type"] = "offer",
                    ["sdp"] = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus/48000/2\r\n",
                },
            }),
        });
        yield return Group("group_lifecycle_update", c => new JsonObject
        {
            ["type"] = "group_create", ["request_id"] = ResourceIds.NewHex(), ["subject"] = "Sandbox customers",
            ["invite_link"] = "https://chat.whatsapp.com/" + ResourceIds.NewHex()[..22],
        }, hasSender: false);
        yield return Group("group_participants_update", c => new JsonObject
        {
            ["type"] = "group_participants_add", ["reason"] = "invite_link",
            ["added_participants"] = new JsonArray(new JsonObject { ["wa_id"] = c.From }),
        }, hasSender: true);
        yield return Group("group_settings_update", c => new JsonObject
        {
            ["type"] = "group_settings_update", ["request_id"] = ResourceIds.NewHex(),
            ["group_subject"] = new JsonObject { ["text"] = "Sandbox customers (renamed)", ["update_successful"] = true },
        }, hasSender: false);
        yield return Group("group_status_update", c => new JsonObject { ["type"] = "group_suspend" }, hasSender: false);
    }

    private static InboundKind Field(string field, Func<SampleContext, JsonObject> sample) =>
        new(field, field, InboundPart.Field, sample, HasSender: false);

    /// <summary>Group fields carry <c>groups[]</c> of events, each with its group and time, under the number's metadata.</summary>
    private static InboundKind Group(string field, Func<SampleContext, JsonObject> groupEvent, bool hasSender) =>
        new(field, field, InboundPart.Field, c =>
        {
            var item = new JsonObject { ["timestamp"] = c.UnixNow, ["group_id"] = c.GroupId() };
            foreach (var (name, node) in groupEvent(c).ToList())
            {
                item[name] = node?.DeepClone();
            }
            return new JsonObject { ["messaging_product"] = "whatsapp", ["metadata"] = c.Metadata(), ["groups"] = new JsonArray(item) };
        }, HasSender: hasSender);

    /// <summary>Template events name a seeded template; Meta sends its id as a number.</summary>
    private static JsonObject Template(string id, string name, string language, params (string Name, string Value)[] extra)
    {
        var value = new JsonObject
        {
            ["message_template_id"] = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture),
            ["message_template_name"] = name,
            ["message_template_language"] = language,
        };
        foreach (var (key, text) in extra)
        {
            value[key] = text;
        }
        return value;
    }
}
