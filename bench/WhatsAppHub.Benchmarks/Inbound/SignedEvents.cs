using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Benchmarks.Inbound;

/// <summary>
/// SNS Notifications as the hub receives them from EUM, signed (SignatureVersion 2) before a phase starts so the load
/// generator only posts bytes. Half are contacts' text messages (from 1,000 contacts), half are delivered/read statuses:
/// the mix a number sees when it sends and receives about equally.
/// </summary>
public sealed class SignedEvents(SnsSigningCertificate certificate, string certificateUrl)
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:whatsapphub-bench";
    public const string MetaPhoneNumberId = "106540352242922";
    public const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";

    private readonly SnsSigner _signer = new(certificate.PrivateKey);

    /// <summary>Bodies and their SNS MessageIds, numbered from <paramref name="first"/>.</summary>
    public IReadOnlyList<(string MessageId, string Body)> Make(string phase, int first, int count) =>
        Enumerable.Range(first, count).AsParallel().AsOrdered().Select(i => Make(phase, i)).ToList();

    private (string MessageId, string Body) Make(string phase, int i)
    {
        var messageId = Guid.NewGuid().ToString();
        var now = DateTimeOffset.UtcNow;
        var unix = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var contact = (15557000000L + i % 1000).ToString(CultureInfo.InvariantCulture);
        var wamid = $"wamid.bench-{phase}-{i}";
        JsonObject value = i % 2 == 0
            ? new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "15550001111", ["phone_number_id"] = MetaPhoneNumberId },
                ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = $"Contact {i % 1000}" }, ["wa_id"] = contact }),
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["from"] = contact, ["id"] = wamid, ["timestamp"] = unix, ["type"] = "text",
                    ["text"] = new JsonObject { ["body"] = $"Message {i} of the {phase} phase" },
                }),
            }
            : new JsonObject
            {
                ["messaging_product"] = "whatsapp",
                ["metadata"] = new JsonObject { ["display_phone_number"] = "15550001111", ["phone_number_id"] = MetaPhoneNumberId },
                ["statuses"] = new JsonArray(new JsonObject
                {
                    ["id"] = wamid, ["status"] = i % 4 == 1 ? "delivered" : "read", ["timestamp"] = unix, ["recipient_id"] = contact,
                }),
            };
        var entry = new JsonObject
        {
            ["id"] = "102290129340398",
            ["changes"] = new JsonArray(new JsonObject { ["field"] = "messages", ["value"] = value }),
        };
        var eumEvent = new JsonObject
        {
            ["context"] = new JsonObject
            {
                ["MetaWabaIds"] = new JsonArray(new JsonObject { ["wabaId"] = "102290129340398", ["arn"] = "arn:aws:social-messaging:us-east-1:123456789012:waba/bench" }),
                ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = MetaPhoneNumberId, ["arn"] = PhoneArn }),
            },
            ["whatsAppWebhookEntry"] = entry.ToJsonString(),
            ["aws_account_id"] = "123456789012",
            ["message_timestamp"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture),
        };
        var sns = new SnsMessage("Notification", messageId, TopicArn, eumEvent.ToJsonString(), now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        return (messageId, sns.ToJson(2, _signer.Sign(sns, 2), certificateUrl, null));
    }
}
