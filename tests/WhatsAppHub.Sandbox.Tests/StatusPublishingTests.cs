using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

/// <summary>Status webhooks reach the hub as signed SNS notifications, in order, verifiable with the served certificate.</summary>
public sealed class StatusPublishingTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:whatsapphub-events";

    private static JsonObject TextMessage(string to = "+14255550123") => new()
    {
        ["messaging_product"] = "whatsapp",
        ["to"] = to,
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = "Your parcel is on its way" },
        ["biz_opaque_callback_data"] = "order-42",
    };

    private static object SendBody(JsonObject message, string version = "v20.0") => new
    {
        originationPhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef",
        metaApiVersion = version,
        message = Convert.ToBase64String(Encoding.UTF8.GetBytes(message.ToJsonString())),
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Sent_delivered_read_arrive_in_order_signed_and_verifiable(int signatureVersion)
    {
        await using var hub = await CapturingListener.StartAsync();
        await using var sandbox = await SandboxHost.StartAsync($"HubEventsUrl={hub.Url}", "StatusDelayMs=20", $"SnsSignatureVersion={signatureVersion}");

        var sent = await sandbox.Eum().SendAsync("POST", "/v1/whatsapp/send", SendBody(TextMessage()));
        Assert.Equal(200, sent.Status);
        var wamid = sent.Body!["messageId"]!.GetValue<string>();

        var captured = await hub.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(3, captured.Count);

        var pem = await sandbox.Http.GetStringAsync("/sandbox/sns/certificate.pem");
        using var publicKey = X509Certificate2.CreateFromPem(pem).GetRSAPublicKey()!;

        var statuses = new List<string>();
        foreach (var request in captured)
        {
            Assert.Equal("text/plain; charset=UTF-8", request.Headers["Content-Type"]);
            Assert.Equal("Notification", request.Headers["x-amz-sns-message-type"]);
            Assert.Equal(TopicArn, request.Headers["x-amz-sns-topic-arn"]);
            Assert.StartsWith(TopicArn + ":", request.Headers["x-amz-sns-subscription-arn"]);
            Assert.Equal("Amazon Simple Notification Service Agent", request.Headers["User-Agent"]);

            var body = JsonNode.Parse(request.Body)!;
            string Field(string name) => body[name]!.GetValue<string>();
            Assert.Equal(request.Headers["x-amz-sns-message-id"], Field("MessageId"));
            Assert.Equal("Notification", Field("Type"));
            Assert.Equal(TopicArn, Field("TopicArn"));
            Assert.Equal(signatureVersion.ToString(), Field("SignatureVersion"));
            Assert.Equal($"{sandbox.BaseUrl}/sandbox/sns/certificate.pem", Field("SigningCertURL"));
            Assert.StartsWith($"{sandbox.BaseUrl}/sandbox/sns/unsubscribe?Action=Unsubscribe&SubscriptionArn=", Field("UnsubscribeURL"));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", Field("Timestamp"));

            // The string to sign, rebuilt from the SNS documentation.
            var stringToSign = $"Message\n{Field("Message")}\nMessageId\n{Field("MessageId")}\nTimestamp\n{Field("Timestamp")}\nTopicArn\n{Field("TopicArn")}\nType\n{Field("Type")}\n";
            var hash = signatureVersion == 1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
            Assert.True(publicKey.VerifyData(Encoding.UTF8.GetBytes(stringToSign), Convert.FromBase64String(Field("Signature")), hash, RSASignaturePadding.Pkcs1));

            var eumEvent = JsonNode.Parse(Field("Message"))!;
            Assert.Equal("123456789012", eumEvent["aws_account_id"]!.GetValue<string>());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$", eumEvent["message_timestamp"]!.GetValue<string>());
            Assert.Equal("arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef",
                eumEvent["context"]!["MetaPhoneNumberIds"]![0]!["arn"]!.GetValue<string>());

            var entry = JsonNode.Parse(eumEvent["whatsAppWebhookEntry"]!.GetValue<string>())!;
            Assert.Equal(eumEvent["context"]!["MetaWabaIds"]![0]!["wabaId"]!.GetValue<string>(), entry["id"]!.GetValue<string>());
            var value = entry["changes"]![0]!["value"]!;
            Assert.Equal("messages", entry["changes"]![0]!["field"]!.GetValue<string>());
            Assert.Equal(eumEvent["context"]!["MetaPhoneNumberIds"]![0]!["metaPhoneNumberId"]!.GetValue<string>(), value["metadata"]!["phone_number_id"]!.GetValue<string>());
            var status = value["statuses"]![0]!;
            Assert.Equal(wamid, status["id"]!.GetValue<string>());
            Assert.Equal("14255550123", status["recipient_id"]!.GetValue<string>());
            Assert.Equal("order-42", status["biz_opaque_callback_data"]!.GetValue<string>());
            Assert.Matches("^[0-9]+$", status["timestamp"]!.GetValue<string>());
            // v20.0 is older than v24.0, so statuses still carry a conversation.
            Assert.Equal("service", status["conversation"]!["origin"]!["type"]!.GetValue<string>());
            statuses.Add(status["status"]!.GetValue<string>());
        }
        Assert.Equal(["sent", "delivered", "read"], statuses);

        var messages = await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        var record = Assert.Single(messages!);
        Assert.Equal(wamid, record!["messageId"]!.GetValue<string>());
        Assert.Equal(["sent", "delivered", "read"], record["statuses"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()));
        Assert.All(record["statuses"]!.AsArray(), s => Assert.Equal(200, s!["hubStatus"]!.GetValue<int>()));
        var deliveries = await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/sns/deliveries");
        Assert.Equal(3, deliveries!.Count);
    }

    [Fact]
    public async Task A_failing_hub_is_retried_and_a_4xx_is_not()
    {
        await using var hub = await CapturingListener.StartAsync(503, 400);
        await using var sandbox = await SandboxHost.StartAsync($"HubEventsUrl={hub.Url}", "StatusDelayMs=0", "Statuses=sent,delivered", "SnsRetryDelayMs=20");

        var sent = await sandbox.Eum().SendAsync("POST", "/v1/whatsapp/send", SendBody(TextMessage(), "v24.0"));
        Assert.Equal(200, sent.Status);

        var captured = await hub.WaitForAsync(3, TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        // sent: 503 then retried (same SNS message id) → 400 is permanent: not retried; delivered: 200.
        Assert.Equal(3, hub.Requests.Count);
        Assert.Equal(captured[0].Headers["x-amz-sns-message-id"], captured[1].Headers["x-amz-sns-message-id"]);

        var record = (await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/messages"))!.Single()!;
        var statuses = record["statuses"]!.AsArray();
        Assert.Equal(2, statuses[0]!["attempts"]!.GetValue<int>());
        Assert.Equal(400, statuses[0]!["hubStatus"]!.GetValue<int>());
        Assert.Equal(200, statuses[1]!["hubStatus"]!.GetValue<int>());

        // v24.0+ status webhooks carry no conversation object.
        var entry = JsonNode.Parse(JsonNode.Parse(JsonNode.Parse(captured[2].Body)!["Message"]!.GetValue<string>())!["whatsAppWebhookEntry"]!.GetValue<string>())!;
        Assert.Null(entry["changes"]![0]!["value"]!["statuses"]![0]!["conversation"]);
        Assert.Equal("free_customer_service", entry["changes"]![0]!["value"]!["statuses"]![0]!["pricing"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreachable_hub_never_breaks_the_sandbox()
    {
        await using var sandbox = await SandboxHost.StartAsync("HubEventsUrl=http://127.0.0.1:9/unreachable", "StatusDelayMs=0", "Statuses=sent", "SnsRetries=1", "SnsRetryDelayMs=10");

        var sent = await sandbox.Eum().SendAsync("POST", "/v1/whatsapp/send", SendBody(TextMessage()));
        Assert.Equal(200, sent.Status);

        JsonArray? deliveries = null;
        for (var i = 0; i < 100 && (deliveries is null || deliveries.Count == 0); i++)
        {
            await Task.Delay(50);
            deliveries = await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/sns/deliveries");
        }
        var delivery = Assert.Single(deliveries!)!;
        Assert.False(delivery["delivered"]!.GetValue<bool>());
        Assert.Equal(2, delivery["attempts"]!.GetValue<int>());
        Assert.Equal(200, (int)(await sandbox.Http.GetAsync("/sandbox/health")).StatusCode);
    }

    [Fact]
    public async Task Publish_wraps_a_meta_entry_as_an_eum_event_and_reports_the_hub_answer()
    {
        await using var hub = await CapturingListener.StartAsync();
        await using var sandbox = await SandboxHost.StartAsync($"HubEventsUrl={hub.Url}", "Statuses=");

        var entry = JsonNode.Parse("""
            {"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
             "metadata":{"display_phone_number":"15550100123","phone_number_id":"106540352242922"},
             "contacts":[{"profile":{"name":"Mara"},"wa_id":"4915255501111"}],
             "messages":[{"from":"4915255501111","id":"wamid.EXAMPLE0001","timestamp":"1767600000","type":"text","text":{"body":"Hi"}}]}}]}
            """)!;
        var response = await sandbox.Http.PostAsJsonAsync("/sandbox/sns/publish", entry);
        Assert.Equal(200, (int)response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Equal(200, answer["deliveries"]![0]!["hubStatus"]!.GetValue<int>());

        var captured = Assert.Single(await hub.WaitForAsync(1, TimeSpan.FromSeconds(5)));
        var eumEvent = JsonNode.Parse(JsonNode.Parse(captured.Body)!["Message"]!.GetValue<string>())!;
        Assert.Equal("arn:aws:social-messaging:us-east-1:123456789012:waba/0123456789abcdef0123456789abcdef", eumEvent["context"]!["MetaWabaIds"]![0]!["arn"]!.GetValue<string>());
        Assert.Equal(entry.ToJsonString(), JsonNode.Parse(eumEvent["whatsAppWebhookEntry"]!.GetValue<string>())!.ToJsonString());

        // No statuses configured: a send publishes nothing.
        var sent = await sandbox.Eum().SendAsync("POST", "/v1/whatsapp/send", SendBody(TextMessage()));
        Assert.Equal(200, sent.Status);
        await Task.Delay(200);
        Assert.Single(hub.Requests);
    }
}
