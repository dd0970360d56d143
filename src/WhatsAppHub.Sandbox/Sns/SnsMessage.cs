using System.Text.Encodings.Web;
using System.Text.Json;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>The signed fields of an SNS HTTP(S) delivery (eum-events-sns-media.md §2.1), all strings.</summary>
public sealed record SnsMessage(string Type, string MessageId, string TopicArn, string Message, string Timestamp)
{
    public string? Subject { get; init; }
    public string? SubscribeUrl { get; init; }
    public string? Token { get; init; }

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The POST body SNS sends: the signed fields plus signature, certificate and unsubscribe URLs.</summary>
    public string ToJson(int signatureVersion, string signature, string signingCertUrl, string? unsubscribeUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("Type", Type);
            json.WriteString("MessageId", MessageId);
            if (Token is not null)
            {
                json.WriteString("Token", Token);
            }
            json.WriteString("TopicArn", TopicArn);
            if (Subject is not null)
            {
                json.WriteString("Subject", Subject);
            }
            json.WriteString("Message", Message);
            if (SubscribeUrl is not null)
            {
                json.WriteString("SubscribeURL", SubscribeUrl);
            }
            json.WriteString("Timestamp", Timestamp);
            json.WriteString("SignatureVersion", signatureVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("Signature", signature);
            json.WriteString("SigningCertURL", signingCertUrl);
            if (unsubscribeUrl is not null)
            {
                json.WriteString("UnsubscribeURL", unsubscribeUrl);
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
