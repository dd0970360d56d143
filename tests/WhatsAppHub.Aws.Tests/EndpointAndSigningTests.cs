using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Eum.Pipeline;
using WhatsAppHub.Aws.Tests.Infrastructure;

namespace WhatsAppHub.Aws.Tests;

public sealed class EndpointAndSigningTests
{
    public static TheoryData<int> ModelEndpointCases()
    {
        var data = new TheoryData<int>();
        var count = EndpointTestCases().GetArrayLength();
        for (var i = 0; i < count; i++) data.Add(i);
        return data;
    }

    /// <summary>The endpoint test vectors shipped in the model (smithy.rules#endpointTests).</summary>
    [Theory]
    [MemberData(nameof(ModelEndpointCases))]
    public void Endpoint_rules_pass_the_models_own_test_vectors(int index)
    {
        var testCase = EndpointTestCases()[index];
        var parameters = new EndpointParameters();
        if (testCase.TryGetProperty("params", out var given))
        {
            foreach (var p in given.EnumerateObject())
                parameters[p.Name] = p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.Value.GetBoolean() : p.Value.GetString();
        }
        var expect = testCase.GetProperty("expect");
        var provider = new SocialMessagingEndpointProvider();

        if (expect.TryGetProperty("endpoint", out var endpoint))
        {
            Assert.Equal(endpoint.GetProperty("url").GetString(), provider.ResolveEndpoint(parameters).URL);
        }
        else
        {
            var error = Assert.Throws<AmazonClientException>(() => provider.ResolveEndpoint(parameters));
            Assert.Equal(expect.GetProperty("error").GetString(), error.Message);
        }
    }

    [Theory]
    [InlineData("us-east-1", "https://social-messaging.us-east-1.amazonaws.com")]
    [InlineData("eu-west-1", "https://social-messaging.eu-west-1.amazonaws.com")]
    [InlineData("ap-south-1", "https://social-messaging.ap-south-1.amazonaws.com")]
    [InlineData("cn-north-1", "https://social-messaging.cn-north-1.amazonaws.com.cn")]
    public void A_region_gives_the_regional_endpoint(string region, string expected)
    {
        var config = new SocialMessagingConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        Assert.Equal(new Uri(expected), config.ResolveEndpointUri());
    }

    [Fact]
    public void A_service_url_overrides_the_region()
    {
        var config = new SocialMessagingConfig { ServiceURL = "http://127.0.0.1:7072", AuthenticationRegion = "eu-west-1" };
        Assert.Equal(new Uri("http://127.0.0.1:7072"), config.ResolveEndpointUri());
    }

    [Fact]
    public void The_config_names_the_service_for_signing()
    {
        var config = new SocialMessagingConfig();
        Assert.Equal("social-messaging", config.AuthenticationServiceName);
        Assert.Equal("social-messaging", config.RegionEndpointServiceName);
        Assert.Equal("SocialMessaging", config.ServiceId);
        Assert.Equal("2024-01-01", config.ServiceVersion);
    }

    [Fact]
    public async Task A_call_with_a_region_goes_to_the_regional_url_signed_for_that_region()
    {
        var http = new CapturingHttpClientFactory();
        var config = new SocialMessagingConfig { RegionEndpoint = RegionEndpoint.APSouth1, HttpClientFactory = http };
        using var client = new SocialMessagingClient(new BasicAWSCredentials(TestClients.AccessKeyId, TestClients.SecretKey), config);

        await client.GetLinkedWhatsAppBusinessAccountAsync(new GetLinkedWhatsAppBusinessAccountRequest { Id = "waba-1" });

        var request = Assert.Single(http.Requests);
        Assert.Equal("https://social-messaging.ap-south-1.amazonaws.com/v1/whatsapp/waba/details?id=waba-1", request.RequestUri!.AbsoluteUri);
        var auth = SigV4Verifier.Parse(request.Headers.NonValidated["Authorization"].ToString());
        Assert.Equal("ap-south-1", auth.Region);
        Assert.Equal("social-messaging", auth.Service);
    }

    [Fact]
    public async Task A_sandbox_url_is_signed_for_the_authentication_region_and_the_signature_checks_out()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);

        await client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend());

        var seen = Assert.Single(server.Requests);
        var amzDate = seen.Header("x-amz-date");
        Assert.NotNull(amzDate);
        var auth = SigV4Verifier.Parse(seen.Header("Authorization"));
        Assert.Equal(TestClients.AccessKeyId, auth.AccessKeyId);
        Assert.Equal(amzDate[..8], auth.Date);
        Assert.Equal(TestClients.Region, auth.Region);
        Assert.Equal("social-messaging", auth.Service);
        Assert.Contains("host", auth.SignedHeaders);
        Assert.Contains("x-amz-date", auth.SignedHeaders);
        Assert.Contains("content-type", auth.SignedHeaders);
        Assert.Equal(SigV4Verifier.ExpectedSignature(seen, TestClients.SecretKey), auth.Signature);
    }

    [Fact]
    public async Task A_query_request_signature_checks_out_too()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);

        await client.GetWhatsAppMessageTemplateAsync(new GetWhatsAppMessageTemplateRequest
        {
            Id = "arn:aws:social-messaging:eu-west-1:123456789012:waba/0123abcd",
            TemplateName = "order update+1",
            TemplateLanguageCode = "en_US",
        });

        var seen = Assert.Single(server.Requests);
        Assert.Equal(SigV4Verifier.ExpectedSignature(seen, TestClients.SecretKey), SigV4Verifier.Parse(seen.Header("Authorization")).Signature);
    }

    [Fact]
    public async Task A_wrong_secret_gives_a_different_signature()
    {
        // Guards the verifier itself: it must be able to say no.
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);
        await client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend());
        var seen = Assert.Single(server.Requests);
        Assert.NotEqual(SigV4Verifier.ExpectedSignature(seen, "not-the-secret"), SigV4Verifier.Parse(seen.Header("Authorization")).Signature);
    }

    private static JsonElement EndpointTestCases() =>
        SmithyModel.Traits(SmithyModel.Instance.ServiceShape).GetProperty("smithy.rules#endpointTests").GetProperty("testCases");
}
