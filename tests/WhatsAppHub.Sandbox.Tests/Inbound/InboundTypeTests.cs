using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Inbound;

namespace WhatsAppHub.Sandbox.Tests.Inbound;

/// <summary>
/// Every inbound type, published with an empty body, reaches the hub as a genuine SNS notification whose EUM event
/// the hub's own parser reads as that type, from the demo contact, for the sandbox's number.
/// </summary>
public sealed class InboundTypeTests(InboundFixture fixture) : IClassFixture<InboundFixture>
{
    private const string DemoContact = "15555550100";
    private const string MetaPhoneNumberId = "106540352242922";
    private const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";

    // whatsapp-cloud-api.md §5.3–5.6 and the groups and calls fields: what the sandbox must be able to play.
    private static readonly string[] Expected =
    [
        "text", "image", "video", "audio", "voice", "document", "sticker", "location", "contacts",
        "button_reply", "list_reply", "nfm_reply", "address_message", "call_permission_reply", "button", "order", "reaction",
        "unsupported", "system", "request_welcome", "referral", "group",
        "status-sent", "status-delivered", "status-read", "status-played", "status-failed", "errors",
        "payment-captured", "payment-pending", "payment-failed",
        "account_update", "account_review_update", "phone_number_name_update", "phone_number_quality_update",
        "template_category_update", "message_template_status_update", "message_template_quality_update",
        "business_capability_update", "user_preferences", "security", "calls",
        "group_lifecycle_update", "group_participants_update", "group_settings_update", "group_status_update",
    ];

    public static TheoryData<string> Types => new(InboundCatalog.Kinds.Select(k => k.Type));

    [Fact]
    public async Task The_listing_names_every_inbound_kind_with_its_default()
    {
        var listing = await fixture.ListAsync();
        Assert.Equal(Expected.Order(StringComparer.Ordinal), listing.Select(k => k!["type"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(listing, k => Assert.NotEmpty(k!["default"]!.AsObject()));
        var text = listing.Single(k => k!["type"]!.GetValue<string>() == "text")!;
        Assert.Equal(DemoContact, text["default"]!["from"]!.GetValue<string>());
        Assert.StartsWith("wamid.", text["default"]!["id"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task An_empty_body_publishes_a_realistic_event_the_hub_reads_as_that_type(string type)
    {
        var listed = (await fixture.ListAsync()).Single(k => k!["type"]!.GetValue<string>() == type)!;
        var (status, answer) = await fixture.PostAsync($"/sandbox/inbound/{type}");
        Assert.Equal(200, status);
        var published = answer!["events"]![0]!;
        Assert.Equal(type, published["type"]!.GetValue<string>());
        Assert.Equal(200, Assert.Single(answer["deliveries"]!.AsArray())!["hubStatus"]!.GetValue<int>());

        var received = await fixture.SingleAsync(answer);
        Assert.Equal(MetaPhoneNumberId, received.EumEvent["context"]!["MetaPhoneNumberIds"]![0]!["metaPhoneNumberId"]!.GetValue<string>());
        Assert.Equal(PhoneArn, received.EumEvent["context"]!["MetaPhoneNumberIds"]![0]!["arn"]!.GetValue<string>());
        Assert.Equal("102290129340398", received.Entry["id"]!.GetValue<string>());
        Assert.Equal(listed["field"]!.GetValue<string>(), received.Change["field"]!.GetValue<string>());
        var parsed = received.Parsed;
        Assert.Empty(parsed.Unknown);

        switch (listed["part"]!.GetValue<string>())
        {
            case "message":
                var message = Assert.Single(parsed.Messages);
                Assert.Equal(DemoContact, message.From);
                Assert.Equal(published["wamid"]!.GetValue<string>(), message.Wamid);
                Assert.Equal(MetaPhoneNumberId, message.MetaPhoneNumberId);
                Assert.Equal(type == "system" ? null : "Sam Demo", message.ContactName);
                Assert.InRange(message.Timestamp!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
                Assert.IsNotType<UnknownContent>(message.Content);
                AssertMessageType(type, message);
                break;
            case "status":
                var statusUpdate = Assert.Single(parsed.Statuses);
                Assert.Equal(type["status-".Length..], statusUpdate.Status);
                Assert.Equal(published["wamid"]!.GetValue<string>(), statusUpdate.Wamid);
                Assert.Equal(DemoContact, statusUpdate.RecipientId);
                Assert.Equal(type == "status-failed", statusUpdate.Errors.Count > 0);
                break;
            case "payment":
                // A payment status names an order, not a message: it must not be read as a message status.
                Assert.Empty(parsed.Statuses);
                var payment = Assert.Single(parsed.Payments);
                Assert.Equal(type["payment-".Length..], payment.Status);
                Assert.Equal(("sandbox-order-1", 59000L, 100L, "INR"), (payment.ReferenceId, payment.Amount, payment.Offset, payment.Currency));
                Assert.Equal(DemoContact, payment.RecipientId);
                Assert.Equal(type == "payment-failed", payment.Transaction!.ErrorReason is not null);
                break;
            case "error":
                Assert.Equal("130429", Assert.Single(parsed.Errors).Code);
                break;
            default:
                var accountEvent = Assert.Single(parsed.AccountEvents);
                Assert.Equal(type, accountEvent.Kind);
                Assert.True(accountEvent.Known);
                Assert.NotNull(received.Entry["time"]);
                break;
        }

        if (listed["media"]?.GetValue<string>() is { } mimeType)
        {
            var mediaId = published["mediaId"]!.GetValue<string>();
            var media = Assert.IsType<MediaContent>(Assert.Single(parsed.Messages).Content);
            Assert.Equal(mediaId, media.MediaId);
            var stored = fixture.Sandbox.Services.GetRequiredService<SandboxWorld>().Locked(w => w.Media[mediaId]);
            Assert.Equal(mimeType, stored.MimeType);
            Assert.Equal("phone-number-id-0123456789abcdef0123456789abcdef", stored.PhoneNumberId);
            Assert.False(stored.Deleted);
            Assert.Equal(Convert.ToBase64String(SHA256.HashData(stored.Content!)), media.Sha256);
            AssertFileIs(mimeType, stored.Content!);
        }
        else
        {
            Assert.Null(published["mediaId"]);
        }
    }

    private static void AssertMessageType(string type, InboundMessage message)
    {
        switch (type)
        {
            case "voice":
                Assert.Equal("audio", message.Type);
                Assert.True(Assert.IsType<MediaContent>(message.Content).Voice);
                break;
            case "audio":
                Assert.False(Assert.IsType<MediaContent>(message.Content).Voice);
                break;
            case "button_reply" or "list_reply" or "nfm_reply" or "call_permission_reply":
                Assert.Equal("interactive", message.Type);
                Assert.Equal(type, Assert.IsType<InteractiveReplyContent>(message.Content).Kind);
                Assert.NotNull(message.Context?.Id);
                break;
            case "address_message":
                var reply = Assert.IsType<InteractiveReplyContent>(message.Content);
                Assert.Equal(("nfm_reply", "address_message"), (reply.Kind, reply.FlowName));
                break;
            case "referral":
                Assert.Equal("text", message.Type);
                Assert.False(string.IsNullOrEmpty(message.Referral?.CtwaClid));
                // What the hub's CTWA funnel and welcome sequences read: the ad, its creative, the welcome text.
                var ad = message.Referral!;
                Assert.Equal(("120200000000000001", "ad", "Spring sale", "Up to 30% off", "image", "Hi! How can we help?"),
                    (ad.SourceId, ad.SourceType, ad.Headline, ad.Body, ad.MediaType, ad.WelcomeMessageText));
                break;
            case "group":
                Assert.Equal("text", message.Type);
                Assert.False(string.IsNullOrEmpty(message.GroupId));
                break;
            default:
                Assert.Equal(type, message.Type);
                break;
        }
        if (type == "nfm_reply")
            Assert.Equal("sandbox-flow-token", ((InteractiveReplyContent)message.Content).FlowToken);
    }

    /// <summary>The bytes are a file of the type claimed: each format's own signature.</summary>
    private static void AssertFileIs(string mimeType, byte[] content)
    {
        var ascii = Encoding.ASCII.GetString(content);
        switch (mimeType.Split(';')[0])
        {
            case "image/png": Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], content[..4]); break;
            case "video/mp4": Assert.Equal("ftyp", ascii[4..8]); break;
            case "audio/ogg": Assert.StartsWith("OggS", ascii); Assert.Contains("OpusHead", ascii); break;
            case "application/pdf": Assert.StartsWith("%PDF-", ascii); Assert.EndsWith("%%EOF\n", ascii); break;
            case "image/webp": Assert.StartsWith("RIFF", ascii); Assert.Equal("WEBP", ascii[8..12]); break;
            default: Assert.Fail($"No file check for {mimeType}."); break;
        }
    }
}
