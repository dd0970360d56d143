using WhatsAppHub.Aws.Sns;

namespace WhatsAppHub.Aws.Tests.Sns;

public class SnsUrlRulesTests
{
    private static readonly SnsUrlRules AwsOnly = new(null);

    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem")]
    public void SNS_certificate_urls_are_allowed(string url) => Assert.Null(AwsOnly.CheckCertificateUrl(url));

    [Theory]
    [InlineData("http://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.txt")]
    [InlineData("https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-abc.pem")]
    [InlineData("https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://my-bucket.s3.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com.evil.com/x.pem")]
    [InlineData("https://evil.com/sns.us-east-1.amazonaws.com/x.pem")]
    [InlineData("https://sns.x.amazonaws.com/x.pem")]
    [InlineData("http://127.0.0.1:7072/sandbox/sns/certificate.pem")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Other_certificate_urls_are_refused(string url) => Assert.NotNull(AwsOnly.CheckCertificateUrl(url));

    [Fact]
    public void The_trusted_test_origin_allows_http_on_its_host_and_port_only()
    {
        var rules = new SnsUrlRules(SnsTrustedTestOrigin.TryParse("127.0.0.1:7072"));
        Assert.Null(rules.CheckCertificateUrl("http://127.0.0.1:7072/sandbox/sns/certificate.pem"));
        Assert.NotNull(rules.CheckCertificateUrl("http://127.0.0.1:7073/sandbox/sns/certificate.pem"));
        Assert.NotNull(rules.CheckCertificateUrl("http://localhost:7072/sandbox/sns/certificate.pem"));
        Assert.NotNull(rules.CheckCertificateUrl("http://127.0.0.1:7072/sandbox/sns/certificate.txt"));
        Assert.Null(rules.CheckSubscribeUrl("http://127.0.0.1:7072/confirm?Token=x"));

        var anyPort = new SnsUrlRules(SnsTrustedTestOrigin.TryParse("127.0.0.1"));
        Assert.Null(anyPort.CheckCertificateUrl("http://127.0.0.1:9999/c.pem"));
    }

    [Theory]
    [InlineData("https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=a&Token=t", true)]
    [InlineData("http://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://example.com/?Action=ConfirmSubscription", false)]
    public void Subscribe_urls_must_be_on_an_SNS_host(string url, bool allowed) =>
        Assert.Equal(allowed, AwsOnly.CheckSubscribeUrl(url) is null);

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", null)]
    [InlineData("127.0.0.1:7072", "127.0.0.1", 7072)]
    [InlineData("localhost:80", "localhost", 80)]
    public void Trusted_origins_parse(string text, string host, int? port)
    {
        var origin = SnsTrustedTestOrigin.TryParse(text);
        Assert.Equal(new SnsTrustedTestOrigin(host, port), origin);
    }

    [Theory]
    [InlineData("http://127.0.0.1")]
    [InlineData("127.0.0.1/path")]
    [InlineData("u@127.0.0.1")]
    public void Bad_trusted_origins_do_not_parse(string text) => Assert.Null(SnsTrustedTestOrigin.TryParse(text));
}
