using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Conversations;

/// <summary>EUM events as the sandbox's SNS signs them, posted to the hub and waited for until processed.</summary>
internal sealed class InboundEvents(SnsFixture fixture)
{
    public const string MetaPhoneNumberId = "106540352242922";
    public const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";

    public static string NewWamid() => "wamid.TEST" + Guid.NewGuid().ToString("N");

    public static string NewContact() => "4917" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public static string Text(string from, string wamid, DateTimeOffset at, string body, string? name = "Mara")
    {
        var value = Value();
        if (name is not null) value["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = from });
        value["messages"] = new JsonArray(new JsonObject
        {
            ["from"] = from,
            ["id"] = wamid,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["type"] = "text",
            ["text"] = new JsonObject { ["body"] = body },
        });
        return Event(value);
    }

    public static string Status(string wamid, string status, DateTimeOffset at, string? hubId, string recipient, bool pricing = false)
    {
        var item = new JsonObject
        {
            ["id"] = wamid,
            ["status"] = status,
            ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = recipient,
        };
        if (hubId is not null) item["biz_opaque_callback_data"] = MessageRecord.CallbackPrefix + hubId;
        if (pricing)
        {
            item["conversation"] = new JsonObject { ["id"] = "conv-" + wamid[^8..], ["origin"] = new JsonObject { ["type"] = "utility" } };
            item["pricing"] = new JsonObject { ["billable"] = true, ["pricing_model"] = "PMP", ["type"] = "regular", ["category"] = "utility" };
        }
        var value = Value();
        value["statuses"] = new JsonArray(item);
        return Event(value);
    }

    /// <summary>Posts the event once, signed under a fresh SNS MessageId, and waits until the hub processed it.</summary>
    public async Task<TableRow> PostProcessedAsync(string message)
    {
        var body = fixture.Signed(message: message);
        return await PostProcessedBodyAsync(body);
    }

    /// <summary>Posts a signed body (a redelivery posts the same one again) and waits until it is processed.</summary>
    public async Task<TableRow> PostProcessedBodyAsync(string body)
    {
        var response = await fixture.Hub.Anonymous.PostAsync("/api/eum/events", new StringContent(body, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await fixture.Events.WaitProcessedAsync(JsonNode.Parse(body)!["MessageId"]!.GetValue<string>(), TimeSpan.FromSeconds(20));
    }

    private static JsonObject Value() => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550001234", ["phone_number_id"] = MetaPhoneNumberId },
    };

    private static string Event(JsonObject value) => new JsonObject
    {
        ["context"] = new JsonObject
        {
            ["MetaWabaIds"] = new JsonArray(new JsonObject { ["wabaId"] = "402118733562209", ["arn"] = "arn:aws:social-messaging:us-east-1:123456789012:waba/7c1e0d9a4b6f4f0e9a3d2b1c0e5f7a81" }),
            ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = MetaPhoneNumberId, ["arn"] = PhoneArn }),
        },
        ["whatsAppWebhookEntry"] = new JsonObject
        {
            ["id"] = "402118733562209",
            ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
        }.ToJsonString(),
        ["aws_account_id"] = "123456789012",
        ["message_timestamp"] = "2026-01-05T08:00:01.123456789Z",
    }.ToJsonString();
}
