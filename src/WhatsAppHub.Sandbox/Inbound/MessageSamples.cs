using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>
/// The default items of the <c>messages</c> field (whatsapp-cloud-api.md §5.3–5.5): what a contact writes, the statuses
/// of what the business sent, and errors. Shapes follow the reference's examples.
/// </summary>
internal static class MessageSamples
{
    public static IEnumerable<InboundKind> All()
    {
        yield return Message("text", c => Typed("text", new JsonObject { ["body"] = "Hi! Is my order on its way?" }));
        yield return Message("image", c => Typed("image", With(c.Media(SampleFile.Image), "caption", "Damaged box")), SampleFile.Image);
        yield return Message("video", c => Typed("video", With(c.Media(SampleFile.Video), "caption", "Unboxing")), SampleFile.Video);
        yield return Message("audio", c => Typed("audio", With(c.Media(SampleFile.Audio), "voice", false)), SampleFile.Audio);
        yield return Message("voice", c => Typed("audio", With(c.Media(SampleFile.Voice), "voice", true)), SampleFile.Voice);
        yield return Message("document", c => Typed("document", With(With(c.Media(SampleFile.Document), "caption", "My invoice"),
            "filename", SampleFile.Document.FileName)), SampleFile.Document);
        yield return Message("sticker", c => Typed("sticker", With(c.Media(SampleFile.Sticker), "animated", false)), SampleFile.Sticker);
        yield return Message("location", c => Typed("location", new JsonObject
        {
            ["latitude"] = 51.5033, ["longitude"] = -0.1196, ["name"] = "Home", ["address"] = "1 Riverside Walk",
        }));
        yield return Message("contacts", c => Typed("contacts", new JsonArray(new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = "Alex Lee", ["first_name"] = "Alex", ["last_name"] = "Lee" },
            ["phones"] = new JsonArray(new JsonObject { ["phone"] = "+15555550177", ["type"] = "MOBILE", ["wa_id"] = "15555550177" }),
        })));

        yield return Message("button_reply", c => Reply(c, Interactive("button_reply", new JsonObject { ["id"] = "slot-keep", ["title"] = "Keep slot" })));
        yield return Message("list_reply", c => Reply(c, Interactive("list_reply",
            new JsonObject { ["id"] = "ship-next", ["title"] = "Next day", ["description"] = "Order by 18:00" })));
        // response_json is a JSON string: the Flow's output, with the flow_token the business sent it with.
        yield return Message("nfm_reply", c => Reply(c, Interactive("nfm_reply", new JsonObject
        {
            ["name"] = "flow", ["body"] = "Sent",
            ["response_json"] = new JsonObject { ["flow_token"] = "sandbox-flow-token", ["slot"] = "2026-03-03T10:00" }.ToJsonString(),
        })));
        // A submitted address form comes back as an nfm_reply named address_message (§1.7.9).
        yield return Message("address_message", c => Reply(c, Interactive("nfm_reply", new JsonObject
        {
            ["name"] = "address_message", ["body"] = "Sent",
            ["response_json"] = new JsonObject
            {
                ["saved_address_id"] = "address-1",
                ["values"] = new JsonObject
                {
                    ["name"] = c.ProfileName, ["phone_number"] = "+" + c.From, ["in_pin_code"] = "560001",
                    ["address"] = "12 MG Road", ["city"] = "Bengaluru", ["state"] = "Karnataka",
                },
            }.ToJsonString(),
        })));
        yield return Message("call_permission_reply", c => Reply(c, Interactive("call_permission_reply", new JsonObject
        {
            ["response"] = "accept", ["is_permanent"] = false,
            ["expiration_timestamp"] = c.Now.AddDays(7).ToUnixTimeSeconds(), ["response_source"] = "user_action",
        })));
        // A quick-reply tap on a template: payload is what the business set at send time.
        yield return Message("button", c => Reply(c, Typed("button", new JsonObject { ["payload"] = "appt-991:confirm", ["text"] = "Confirm" })));
        yield return Message("order", c => Typed("order", new JsonObject
        {
            ["catalog_id"] = "556677889900", ["text"] = "Gift wrap please",
            ["product_items"] = new JsonArray(
                new JsonObject { ["product_retailer_id"] = "SKU-88", ["quantity"] = 2, ["item_price"] = 12.5, ["currency"] = "USD" },
                new JsonObject { ["product_retailer_id"] = "SKU-201", ["quantity"] = 1, ["item_price"] = 8, ["currency"] = "USD" }),
        }));
        yield return Message("reaction", c => Typed("reaction", new JsonObject { ["message_id"] = c.OurWamid(), ["emoji"] = "\U0001F44D" }));
        yield return Message("unsupported", c => new JsonObject
        {
            ["type"] = "unsupported",
            ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131051, ["title"] = "Message type unknown", ["message"] = "Message type unknown",
                ["error_data"] = new JsonObject { ["details"] = "Message type is currently not supported." },
            }),
            ["unsupported"] = new JsonObject { ["type"] = "poll" },
        });
        yield return Message("system", c =>
        {
            var newNumber = ResourceIds.NewNumeric(11);
            return Typed("system", new JsonObject
            {
                ["body"] = $"User {c.ProfileName} changed from {c.From} to {newNumber}", ["wa_id"] = newNumber, ["type"] = "user_changed_number",
            });
        });
        // The contact opened the chat for the first time; the message has no content.
        yield return Message("request_welcome", c => new JsonObject { ["type"] = "request_welcome" });
        yield return Message("referral", c =>
        {
            var item = Typed("text", new JsonObject { ["body"] = "Tell me more about the spring sale" });
            item["referral"] = new JsonObject
            {
                ["source_url"] = "https://fb.me/sandbox-ad", ["source_id"] = "120200000000000001", ["source_type"] = "ad",
                ["headline"] = "Spring sale", ["body"] = "Up to 30% off", ["media_type"] = "image",
                ["image_url"] = "https://scontent.example/ad.jpg", ["ctwa_clid"] = "ARA" + ResourceIds.NewHex()[..20],
                ["welcome_message"] = new JsonObject { ["text"] = "Hi! How can we help?" },
            };
            return item;
        });
        // A member writes in a group the number created: the item names the group.
        yield return Message("group", c =>
        {
            var item = new JsonObject { ["group_id"] = c.GroupId() };
            foreach (var (name, node) in Typed("text", new JsonObject { ["body"] = "Hello everyone" }).ToList())
            {
                item[name] = node?.DeepClone();
            }
            return item;
        });

        foreach (var status in (string[])["sent", "delivered", "read", "played", "failed"])
        {
            yield return new InboundKind("status-" + status, "messages", InboundPart.Status, c => c.Status(status));
        }

        // Payments India (§8.6): a gateway's verdict on an order_details message, named by its reference_id; a body
        // such as {"payment":{"reference_id":"ORD-1"}} points it at the hub's order.
        foreach (var status in (string[])["captured", "pending", "failed"])
        {
            yield return new InboundKind("payment-" + status, "messages", InboundPart.Payment, c => c.Payment(status));
        }

        yield return new InboundKind("errors", "messages", InboundPart.Error, c => new JsonObject
        {
            ["code"] = 130429, ["title"] = "Rate limit hit", ["message"] = "Rate limit hit",
            ["error_data"] = new JsonObject
            {
                ["details"] = "Message failed to send because there were too many messages sent from this phone number in a short period of time",
            },
            ["href"] = "/documentation/business-messaging/whatsapp/support/error-codes",
        }, HasSender: false);
    }

    private static InboundKind Message(string type, Func<SampleContext, JsonObject> sample, SampleFile? media = null) =>
        new(type, "messages", InboundPart.Message, sample, Media: media);

    private static JsonObject Typed(string type, JsonNode content) => new() { ["type"] = type, [type] = content };

    private static JsonObject Interactive(string kind, JsonObject reply) =>
        Typed("interactive", new JsonObject { ["type"] = kind, [kind] = reply });

    /// <summary>A reply to a message the business sent: the context names it (§5.3).</summary>
    private static JsonObject Reply(SampleContext c, JsonObject item)
    {
        var reply = new JsonObject { ["context"] = new JsonObject { ["from"] = c.BusinessDigits, ["id"] = c.OurWamid() } };
        foreach (var (name, node) in item.ToList())
        {
            item.Remove(name);
            reply[name] = node;
        }
        return reply;
    }

    private static JsonObject With(JsonObject obj, string name, JsonNode? value)
    {
        obj[name] = value;
        return obj;
    }
}
