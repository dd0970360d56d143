using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WhatsAppHub.Aws.Sns;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Aws.Tests.Sns;

public sealed class SnsVerifierTests : IDisposable
{
    private const string CertUrl = "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-test.pem";
    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate;
    private readonly CertificateServer _server;

    public SnsVerifierTests()
    {
        var request = new CertificateRequest("CN=sns test", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        _server = new CertificateServer(_certificate.ExportCertificatePem());
    }

    private SnsMessageVerifier Verifier() =>
        new(new SnsUrlRules(null), new SnsCertificateCache(new HttpClient(_server), TimeProvider.System));

    private SnsEnvelope Signed(string type, int version, string? certUrl = null)
    {
        var envelope = new SnsEnvelope(type, "5b1e-" + type, "arn:aws:sns:us-east-1:123456789012:t", "{\"x\":\"ünïcode\\n\"}",
            "2026-01-05T08:00:01.457Z", version, "", certUrl ?? CertUrl)
        {
            SubscribeUrl = type == SnsEnvelope.Notification ? null : "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&Token=t",
            Token = type == SnsEnvelope.Notification ? null : "token",
        };
        var hash = version == 1 ? HashAlgorithmName.SHA1 : HashAlgorithmName.SHA256;
        var signature = _key.SignData(Encoding.UTF8.GetBytes(SnsStringToSign.Build(envelope)), hash, RSASignaturePadding.Pkcs1);
        return envelope with { Signature = Convert.ToBase64String(signature) };
    }

    public static TheoryData<string, int> Cases() => new()
    {
        { SnsEnvelope.Notification, 1 }, { SnsEnvelope.Notification, 2 },
        { SnsEnvelope.SubscriptionConfirmation, 1 }, { SnsEnvelope.SubscriptionConfirmation, 2 },
        { SnsEnvelope.UnsubscribeConfirmation, 1 }, { SnsEnvelope.UnsubscribeConfirmation, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_message_signed_with_the_certificate_key_is_genuine(string type, int version)
    {
        Assert.Equal(SnsVerificationOutcome.Genuine, (await Verifier().VerifyAsync(Signed(type, version), default)).Outcome);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Any_signed_field_changed_is_refused(string type, int version)
    {
        var verifier = Verifier();
        var genuine = Signed(type, version);
        SnsEnvelope[] tampered =
        [
            genuine with { Message = genuine.Message + " " },
            genuine with { MessageId = "other" },
            genuine with { Timestamp = "2026-01-05T08:00:01.458Z" },
            genuine with { TopicArn = genuine.TopicArn + "x" },
            genuine with { SignatureVersion = 3 - version },
            genuine with { Subject = type == SnsEnvelope.Notification ? "s" : null, Token = type == SnsEnvelope.Notification ? null : "other" },
        ];
        foreach (var envelope in tampered)
            Assert.Equal(SnsVerificationOutcome.Refused, (await verifier.VerifyAsync(envelope, default)).Outcome);
    }

    [Fact]
    public async Task A_signature_that_is_not_base64_or_from_another_key_is_refused()
    {
        var verifier = Verifier();
        var genuine = Signed(SnsEnvelope.Notification, 2);
        using var other = RSA.Create(2048);
        var forged = Convert.ToBase64String(other.SignData(Encoding.UTF8.GetBytes(SnsStringToSign.Build(genuine)), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        Assert.Equal(SnsVerificationOutcome.Refused, (await verifier.VerifyAsync(genuine with { Signature = "not base64!" }, default)).Outcome);
        Assert.Equal(SnsVerificationOutcome.Refused, (await verifier.VerifyAsync(genuine with { Signature = forged }, default)).Outcome);
    }

    [Fact]
    public async Task The_certificate_is_fetched_once_per_url()
    {
        var verifier = Verifier();
        for (var i = 0; i < 5; i++) await verifier.VerifyAsync(Signed(SnsEnvelope.Notification, 2), default);
        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task Certificate_fetch_failures_are_transient_only_for_5xx()
    {
        _server.Status = HttpStatusCode.NotFound;
        Assert.Equal(SnsVerificationOutcome.Refused, (await Verifier().VerifyAsync(Signed(SnsEnvelope.Notification, 1), default)).Outcome);
        _server.Status = HttpStatusCode.BadGateway;
        Assert.Equal(SnsVerificationOutcome.CertificateUnavailable, (await Verifier().VerifyAsync(Signed(SnsEnvelope.Notification, 1), default)).Outcome);
    }

    [Fact]
    public async Task A_disallowed_certificate_url_is_refused_without_a_fetch()
    {
        var result = await Verifier().VerifyAsync(Signed(SnsEnvelope.Notification, 2, "https://evil.example.com/cert.pem"), default);
        Assert.Equal(SnsVerificationOutcome.Refused, result.Outcome);
        Assert.Equal(0, _server.Requests);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }

    private sealed class CertificateServer(string pem) : HttpMessageHandler
    {
        public int Requests;
        public HttpStatusCode Status = HttpStatusCode.OK;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return Task.FromResult(new HttpResponseMessage(Status) { Content = new StringContent(pem) });
        }
    }
}
