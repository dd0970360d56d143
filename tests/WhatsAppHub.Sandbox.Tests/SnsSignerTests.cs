using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using System.Text;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Tests;

public sealed class SnsSignerTests
{
    private static readonly SnsMessage Notification = new(
        "Notification",
        "0f6a2c7e-54b1-5d8e-9a3f-2b7c1d9e4a60",
        "arn:aws:sns:us-east-1:123456789012:whatsapphub-events",
        "{\"context\":{},\"whatsAppWebhookEntry\":\"{\\\"id\\\":\\\"1\\\"}\",\"note\":\"line1\nline2\"}",
        "2026-01-05T08:00:01.457Z");

    // Rebuilt here from the SNS documentation, independently of SnsSigner.StringToSign.
    private static string ExpectedStringToSign(SnsMessage m) =>
        $"Message\n{m.Message}\nMessageId\n{m.MessageId}\n" + (m.Subject is null ? "" : $"Subject\n{m.Subject}\n")
        + $"Timestamp\n{m.Timestamp}\nTopicArn\n{m.TopicArn}\nType\n{m.Type}\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Signature_verifies_with_the_certificate_public_key(int version)
    {
        using var certificate = new SnsSigningCertificate(TimeProvider.System);
        var signature = new SnsSigner(certificate.PrivateKey).Sign(Notification, version);

        using var publicKey = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(certificate.Pem).GetRSAPublicKey()!;
        var hash = version == 1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        var data = Encoding.UTF8.GetBytes(ExpectedStringToSign(Notification));

        Assert.True(publicKey.VerifyData(data, Convert.FromBase64String(signature), hash, RSASignaturePadding.Pkcs1));
        var otherHash = version == 1 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1;
        Assert.False(publicKey.VerifyData(data, Convert.FromBase64String(signature), otherHash, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void String_to_sign_includes_subject_only_when_present()
    {
        Assert.Equal(ExpectedStringToSign(Notification), SnsSigner.StringToSign(Notification));
        var withSubject = Notification with { Subject = "Status" };
        Assert.Equal(ExpectedStringToSign(withSubject), SnsSigner.StringToSign(withSubject));
        Assert.Contains("MessageId\n0f6a2c7e-54b1-5d8e-9a3f-2b7c1d9e4a60\nSubject\nStatus\nTimestamp\n", SnsSigner.StringToSign(withSubject));
    }

    [Fact]
    public void Certificate_is_rsa_2048_and_served_as_pem()
    {
        using var certificate = new SnsSigningCertificate(TimeProvider.System);
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", certificate.Pem);
        Assert.Equal(2048, certificate.Certificate.GetRSAPublicKey()!.KeySize);
    }

    [Fact]
    public void Body_carries_every_field_sns_sends()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Notification.ToJson(2, "c2ln", "http://127.0.0.1/cert.pem", "http://127.0.0.1/unsub"))!;
        Assert.Equal("Notification", json["Type"]!.GetValue<string>());
        Assert.Equal(Notification.Message, json["Message"]!.GetValue<string>());
        Assert.Equal("2", json["SignatureVersion"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1/cert.pem", json["SigningCertURL"]!.GetValue<string>());
        Assert.Equal("http://127.0.0.1/unsub", json["UnsubscribeURL"]!.GetValue<string>());
        Assert.Null(json["Subject"]);
    }
}
