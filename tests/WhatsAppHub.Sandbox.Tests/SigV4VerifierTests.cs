using System.Text;
using WhatsAppHub.Sandbox.Eum.Auth;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

public sealed class SigV4VerifierTests
{
    private const string Key = "AKIASANDBOX000000001";
    private const string Secret = "sandbox-local-secret-not-for-aws";
    private static readonly DateTime Now = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private static readonly Uri SendUrl = new("http://127.0.0.1:7072/v1/whatsapp/send");
    private static readonly byte[] SendBody = Encoding.UTF8.GetBytes("""{"originationPhoneNumberId":"phone-number-id-0123456789abcdef0123456789abcdef","metaApiVersion":"v20.0","message":"e30="}""");

    private static SigV4Verifier Verifier(string service = "social-messaging", string region = "us-east-1", DateTime? now = null) =>
        new(service, region, new Dictionary<string, string> { [Key] = Secret }, new FixedTime(now ?? Now));

    private static SignedRequest Request(string method, Uri url, IReadOnlyDictionary<string, string> headers, byte[] body) =>
        new(method, url.AbsolutePath, url.Query.TrimStart('?'),
            headers.Select(h => KeyValuePair.Create(h.Key, h.Value)).Append(KeyValuePair.Create("Host", url.Authority)).ToList(), body);

    private static SignedRequest SignedSend(string secret = Secret, string region = "us-east-1", string service = "social-messaging", DateTime? at = null, bool contentHash = true, byte[]? body = null)
    {
        var headers = TestSigV4Signer.Sign("POST", SendUrl, new Dictionary<string, string> { ["content-type"] = "application/json" }, SendBody,
            Key, secret, region, service, at ?? Now, contentHash);
        return Request("POST", SendUrl, headers, body ?? SendBody);
    }

    [Fact]
    public void Accepts_the_published_AWS_example_signature()
    {
        // The worked example of AWS's SigV4 documentation (IAM ListUsers, 2015-08-30).
        var verifier = new SigV4Verifier("iam", "us-east-1",
            new Dictionary<string, string> { ["AKIDEXAMPLE"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
            new FixedTime(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero)));
        var request = new SignedRequest("GET", "/", "Action=ListUsers&Version=2010-05-08",
        [
            KeyValuePair.Create("Host", "iam.amazonaws.com"),
            KeyValuePair.Create("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            KeyValuePair.Create("X-Amz-Date", "20150830T123600Z"),
            KeyValuePair.Create("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"),
        ], Array.Empty<byte>());

        var result = verifier.Verify(request);

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public void Accepts_a_signature_computed_independently()
    {
        var result = Verifier().Verify(SignedSend());
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(Key, result.AccessKeyId);
    }

    [Fact]
    public void Accepts_a_signature_without_content_hash_header()
    {
        Assert.True(Verifier().Verify(SignedSend(contentHash: false)).IsValid);
    }

    [Fact]
    public void Refuses_a_tampered_body_against_the_declared_hash()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SendBody).Replace("v20.0", "v21.0"));
        var result = Verifier().Verify(SignedSend(body: tampered));
        Assert.False(result.IsValid);
        Assert.Equal("InvalidSignatureException", result.ErrorType);
        Assert.Contains("x-amz-content-sha256", result.Message);
    }

    [Fact]
    public void Refuses_a_tampered_body_when_only_the_signature_covers_it()
    {
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SendBody).Replace("v20.0", "v21.0"));
        var result = Verifier().Verify(SignedSend(contentHash: false, body: tampered));
        Assert.False(result.IsValid);
        Assert.StartsWith("The request signature we calculated does not match the signature you provided.", result.Message);
    }

    [Fact]
    public void Refuses_a_wrong_secret()
    {
        var result = Verifier().Verify(SignedSend(secret: "not-the-secret"));
        Assert.False(result.IsValid);
        Assert.Equal("InvalidSignatureException", result.ErrorType);
        Assert.Contains("The Canonical String for this request should have been", result.Message);
    }

    [Fact]
    public void Refuses_an_unknown_access_key()
    {
        var headers = TestSigV4Signer.Sign("POST", SendUrl, new Dictionary<string, string>(), SendBody, "AKIAUNKNOWN000000000", Secret, "us-east-1", "social-messaging", Now);
        var result = Verifier().Verify(Request("POST", SendUrl, headers, SendBody));
        Assert.Equal("UnrecognizedClientException", result.ErrorType);
        Assert.Equal("The security token included in the request is invalid.", result.Message);
    }

    [Fact]
    public void Refuses_a_missing_authorization_header()
    {
        var result = Verifier().Verify(Request("POST", SendUrl, new Dictionary<string, string>(), SendBody));
        Assert.Equal("MissingAuthenticationTokenException", result.ErrorType);
    }

    [Theory]
    [InlineData("socialmessaging", "us-east-1", "Credential should be scoped to correct service: 'social-messaging'.")]
    [InlineData("sns", "us-east-1", "Credential should be scoped to correct service: 'social-messaging'.")]
    [InlineData("social-messaging", "eu-west-1", "Credential should be scoped to a valid region, not 'eu-west-1'.")]
    public void Refuses_a_wrong_service_or_region_scope(string service, string region, string message)
    {
        var result = Verifier().Verify(SignedSend(service: service, region: region));
        Assert.False(result.IsValid);
        Assert.Equal("InvalidSignatureException", result.ErrorType);
        Assert.Equal(message, result.Message!.Trim());
    }

    [Fact]
    public void Refuses_a_signature_older_than_fifteen_minutes()
    {
        var result = Verifier().Verify(SignedSend(at: Now.AddMinutes(-16)));
        Assert.Equal("InvalidSignatureException", result.ErrorType);
        Assert.StartsWith("Signature expired: 20260105T074400Z is now earlier than 20260105T074500Z (20260105T080000Z - 15 min.)", result.Message);
    }

    [Fact]
    public void Accepts_a_signature_within_the_allowed_skew()
    {
        Assert.True(Verifier().Verify(SignedSend(at: Now.AddMinutes(-14))).IsValid);
        Assert.True(Verifier().Verify(SignedSend(at: Now.AddMinutes(14))).IsValid);
    }

    [Fact]
    public void Refuses_a_signature_from_the_future()
    {
        var result = Verifier().Verify(SignedSend(at: Now.AddMinutes(20)));
        Assert.StartsWith("Signature not yet current:", result.Message);
    }

    [Fact]
    public void Ignores_changes_to_unsigned_headers_but_not_to_signed_ones()
    {
        var signed = SignedSend();
        var withUnsigned = signed with { Headers = signed.Headers.Append(KeyValuePair.Create("User-Agent", "changed-after-signing")).ToList() };
        Assert.True(Verifier().Verify(withUnsigned).IsValid);

        var changedSigned = signed with
        {
            Headers = signed.Headers.Select(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase) ? KeyValuePair.Create(h.Key, "text/plain") : h).ToList(),
        };
        var result = Verifier().Verify(changedSigned);
        Assert.False(result.IsValid);
        Assert.Equal("InvalidSignatureException", result.ErrorType);
    }

    [Fact]
    public void Sorts_the_query_so_parameter_order_on_the_wire_does_not_matter()
    {
        var url = new Uri("http://127.0.0.1:7072/v1/whatsapp/template?templateName=order_shipped&id=waba-0123456789abcdef0123456789abcdef&deleteAllTemplates=true");
        var headers = TestSigV4Signer.Sign("DELETE", url, new Dictionary<string, string>(), [], Key, Secret, "us-east-1", "social-messaging", Now);

        var reordered = new SignedRequest("DELETE", url.AbsolutePath, "deleteAllTemplates=true&id=waba-0123456789abcdef0123456789abcdef&templateName=order_shipped",
            headers.Select(h => KeyValuePair.Create(h.Key, h.Value)).Append(KeyValuePair.Create("Host", url.Authority)).ToList(), Array.Empty<byte>());

        Assert.True(Verifier().Verify(reordered).IsValid);
        Assert.Equal("deleteAllTemplates=true&id=waba-0123456789abcdef0123456789abcdef&templateName=order_shipped",
            SigV4Verifier.CanonicalQuery("templateName=order_shipped&id=waba-0123456789abcdef0123456789abcdef&deleteAllTemplates=true"));
    }

    [Fact]
    public void Canonical_query_re_encodes_values_per_RFC_3986()
    {
        Assert.Equal("resourceArn=arn%3Aaws%3Asocial-messaging%3Aus-east-1%3A123456789012%3Awaba%2Fabc",
            SigV4Verifier.CanonicalQuery("resourceArn=arn:aws:social-messaging:us-east-1:123456789012:waba/abc"));
        Assert.Equal("a=x%20y&b=", SigV4Verifier.CanonicalQuery("b&a=x%20y"));
    }

    [Fact]
    public void Canonical_uri_encodes_each_segment_again_as_non_S3_services_do()
    {
        Assert.Equal("/v1/whatsapp/send", SigV4Verifier.CanonicalUri("/v1/whatsapp/send"));
        Assert.Equal("/a%2520b/c", SigV4Verifier.CanonicalUri("/a%20b//./c"));
        Assert.Equal("/", SigV4Verifier.CanonicalUri(""));
    }

    [Fact]
    public void Refuses_a_malformed_authorization_header()
    {
        var request = Request("POST", SendUrl, new Dictionary<string, string>
        {
            ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIASANDBOX000000001/20260105/us-east-1/social-messaging/aws4_request",
            ["x-amz-date"] = "20260105T080000Z",
        }, SendBody);
        var result = Verifier().Verify(request);
        Assert.Equal("IncompleteSignatureException", result.ErrorType);
        Assert.Contains("requires 'Signature' parameter", result.Message);
    }
}
