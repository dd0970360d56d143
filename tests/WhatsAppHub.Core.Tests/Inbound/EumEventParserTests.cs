using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Tests.Inbound;

public class EumEventParserTests
{
    private const string Arn = "arn:aws:social-messaging:eu-west-1:210987654321:phone-number-id/3f9b2e6d1a8c4c7e8d0f6a5b4c3d2e19";

    private static string Event(string entry) => new JsonObject
    {
        ["context"] = new JsonObject
        {
            ["MetaWabaIds"] = new JsonArray(new JsonObject { ["wabaId"] = "402118733562209", ["arn"] = "arn:aws:social-messaging:eu-west-1:210987654321:waba/7c1e" }),
            ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = "588812340017765", ["arn"] = Arn }),
        },
        ["whatsAppWebhookEntry"] = entry,
        ["aws_account_id"] = "210987654321",
        ["message_timestamp"] = "2026-01-05T08:00:01.123456789Z",
    }.ToJsonString();

    private const string InboundEntry = "{\"id\":\"402118733562209\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"4930555501234\",\"phone_number_id\":\"588812340017765\"},\"contacts\":[{\"profile\":{\"name\":\"Mara\"},\"wa_id\":\"4915255501111\"}],\"messages\":[{\"from\":\"4915255501111\",\"id\":\"wamid.IN\",\"timestamp\":\"1767600000\",\"type\":\"image\",\"image\":{\"id\":\"1299875512340098\"}}]}}]}";

    private const string FailedEntry = "{\"id\":\"402118733562209\",\"changes\":[{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":\"588812340017765\"},\"statuses\":[{\"id\":\"wamid.OUT\",\"status\":\"failed\",\"timestamp\":\"1767600420\",\"recipient_id\":\"4915255502222\",\"biz_opaque_callback_data\":\"whatsapphub:abc\",\"errors\":[{\"code\":131049,\"title\":\"Not delivered\",\"error_data\":{\"details\":\"Ecosystem\"}}]}]}}]}";

    [Fact]
    public void Parses_an_inbound_message_and_maps_the_phone_number()
    {
        var result = EumEventParser.Parse(Event(InboundEntry));
        var evt = Assert.IsType<EumEvent>(result.Event);
        Assert.Null(result.Error);
        Assert.Equal("402118733562209", evt.MetaWabaId);
        Assert.Equal("210987654321", evt.AwsAccountId);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 0, 1, TimeSpan.Zero).AddTicks(1234567), evt.PublishedAt);
        var message = Assert.Single(evt.Messages);
        Assert.Equal("4915255501111", message.From);
        Assert.Equal("image", message.Type);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767600000), message.Timestamp);
        Assert.Equal(Arn, evt.EumPhoneNumberFor(message.MetaPhoneNumberId));
        Assert.Null(evt.EumPhoneNumberFor("999"));
        Assert.Empty(evt.Statuses);
    }

    [Fact]
    public void Parses_a_failed_status_with_its_error_and_callback_data()
    {
        var evt = EumEventParser.Parse(Event(FailedEntry)).Event!;
        var status = Assert.Single(evt.Statuses);
        Assert.Equal(("wamid.OUT", "failed", "whatsapphub:abc", "4915255502222"), (status.Wamid, status.Status, status.CallbackData, status.RecipientId));
        Assert.Equal(new WebhookError("131049", "Not delivered", "Ecosystem"), Assert.Single(status.Errors));
    }

    [Fact]
    public void Keeps_malformed_items_raw_and_other_fields_as_account_events()
    {
        var entry = "{\"id\":\"1\",\"changes\":[{\"field\":\"account_update\",\"value\":{}},{\"field\":\"messages\",\"value\":{\"statuses\":[{\"id\":5},{\"id\":\"wamid.A\",\"status\":\"read\",\"timestamp\":\"99999999999999999999\"}],\"messages\":[{\"type\":\"text\"}]}},7]}";
        var evt = EumEventParser.Parse(Event(entry)).Event!;
        Assert.Equal(["changes[1].value.messages[0]", "changes[1].value.statuses[0]", "changes[2]"], evt.Unknown.Select(u => u.Where));
        Assert.Equal("account_update", Assert.Single(evt.AccountEvents).Field);
        Assert.Null(Assert.Single(evt.Statuses).Timestamp);
        Assert.Empty(evt.Messages);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"whatsAppWebhookEntry\":{}}")]
    [InlineData("{\"whatsAppWebhookEntry\":\"[]\"}")]
    [InlineData("{\"whatsAppWebhookEntry\":\"{oops\"}")]
    public void A_message_that_is_not_an_eum_event_gives_an_error(string? message)
    {
        var result = EumEventParser.Parse(message);
        Assert.Null(result.Event);
        Assert.False(string.IsNullOrEmpty(result.Error));
    }

    [Fact]
    public void Fuzz_never_throws()
    {
        var random = new Random(4711);
        var seeds = new[] { Event(InboundEntry), Event(FailedEntry), InboundEntry, FailedEntry };
        const string alphabet = "{}[]\":,\\0123456789.eE-+ truefalsnulwamid";
        for (var i = 0; i < 20_000; i++)
        {
            var chars = seeds[random.Next(seeds.Length)].ToCharArray().ToList();
            for (var m = random.Next(1, 8); m > 0; m--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = (char)random.Next(0, 0x3000); break;
                }
                if (chars.Count == 0) break;
            }
            var text = new string(chars.ToArray());
            var result = EumEventParser.Parse(text);
            Assert.True(result.Event is not null ^ result.Error is not null);
            // The entry mutated inside a valid envelope too.
            EumEventParser.Parse(Event(text));
        }
    }
}
