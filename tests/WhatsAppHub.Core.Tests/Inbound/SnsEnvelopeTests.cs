using System.Text;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Tests.Inbound;

public class SnsEnvelopeTests
{
    private const string Topic = "arn:aws:sns:eu-west-1:210987654321:eum-whatsapp-events";

    private static SnsParseResult Parse(string json) => SnsEnvelopeParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Notification_string_to_sign_has_the_six_fields_in_order_and_no_subject_when_absent()
    {
        var envelope = Parse($$"""
            {"Type":"Notification","MessageId":"m-1","TopicArn":"{{Topic}}","Message":"{\"a\":\"b\\nc\"}","Timestamp":"2026-01-05T08:00:01.457Z",
             "SignatureVersion":"2","Signature":"c2ln","SigningCertURL":"https://sns.eu-west-1.amazonaws.com/x.pem","UnsubscribeURL":"https://x"}
            """).Envelope!;

        Assert.Equal($"Message\n{{\"a\":\"b\\nc\"}}\nMessageId\nm-1\nTimestamp\n2026-01-05T08:00:01.457Z\nTopicArn\n{Topic}\nType\nNotification\n",
            SnsStringToSign.Build(envelope));
    }

    [Fact]
    public void Notification_with_a_subject_signs_it_between_message_id_and_timestamp()
    {
        var envelope = Parse($$"""
            {"Type":"Notification","MessageId":"m-1","TopicArn":"{{Topic}}","Subject":"","Message":"hi","Timestamp":"t",
             "SignatureVersion":"1","Signature":"c2ln","SigningCertURL":"https://sns.eu-west-1.amazonaws.com/x.pem"}
            """).Envelope!;

        Assert.Equal($"Message\nhi\nMessageId\nm-1\nSubject\n\nTimestamp\nt\nTopicArn\n{Topic}\nType\nNotification\n", SnsStringToSign.Build(envelope));
    }

    [Theory]
    [InlineData("SubscriptionConfirmation")]
    [InlineData("UnsubscribeConfirmation")]
    public void Confirmations_sign_subscribe_url_and_token(string type)
    {
        var envelope = Parse($$"""
            {"Type":"{{type}}","MessageId":"m-2","Token":"tok","TopicArn":"{{Topic}}","Message":"You have chosen\nto subscribe","SubscribeURL":"https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
             "Timestamp":"2026-01-05T07:55:12.031Z","SignatureVersion":"2","Signature":"c2ln","SigningCertURL":"https://sns.eu-west-1.amazonaws.com/x.pem"}
            """).Envelope!;

        Assert.Equal("Message\nYou have chosen\nto subscribe\nMessageId\nm-2\nSubscribeURL\nhttps://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription\n" +
                     $"Timestamp\n2026-01-05T07:55:12.031Z\nToken\ntok\nTopicArn\n{Topic}\nType\n{type}\n", SnsStringToSign.Build(envelope));
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("[]", "$")]
    [InlineData("{\"Type\":\"Notification\"", "$")]
    [InlineData("{}", "MessageId")]
    [InlineData("{\"Type\":\"Other\",\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":\"m\",\"Timestamp\":\"t\",\"SignatureVersion\":\"1\",\"Signature\":\"s\",\"SigningCertURL\":\"u\"}", "Type")]
    [InlineData("{\"Type\":\"Notification\",\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":\"m\",\"Timestamp\":\"t\",\"SignatureVersion\":\"3\",\"Signature\":\"s\",\"SigningCertURL\":\"u\"}", "SignatureVersion")]
    [InlineData("{\"Type\":\"Notification\",\"MessageId\":1,\"TopicArn\":\"t\",\"Message\":\"m\",\"Timestamp\":\"t\",\"SignatureVersion\":\"1\",\"Signature\":\"s\",\"SigningCertURL\":\"u\"}", "MessageId")]
    [InlineData("{\"Type\":\"Notification\",\"MessageId\":\"m\",\"MessageId\":\"n\",\"TopicArn\":\"t\",\"Message\":\"m\",\"Timestamp\":\"t\",\"SignatureVersion\":\"1\",\"Signature\":\"s\",\"SigningCertURL\":\"u\"}", "MessageId")]
    [InlineData("{\"Type\":\"SubscriptionConfirmation\",\"MessageId\":\"m\",\"TopicArn\":\"t\",\"Message\":\"m\",\"Timestamp\":\"t\",\"SignatureVersion\":\"1\",\"Signature\":\"s\",\"SigningCertURL\":\"u\"}", "SubscribeURL")]
    public void Malformed_bodies_name_the_field(string json, string field)
    {
        var result = Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Field == field);
    }

    [Fact]
    public void No_input_throws()
    {
        var random = new Random(4);
        var seed = Encoding.UTF8.GetBytes("""{"Type":"Notification","MessageId":"m","TopicArn":"t","Message":"m","Timestamp":"t","SignatureVersion":"1","Signature":"s","SigningCertURL":"u"}""");
        for (var i = 0; i < 5000; i++)
        {
            var bytes = (byte[])seed.Clone();
            for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            var result = SnsEnvelopeParser.Parse(bytes);
            Assert.True(result.IsValid || result.Problems.Count > 0);
        }
    }
}
