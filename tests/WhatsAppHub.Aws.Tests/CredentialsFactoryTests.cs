using System.Text;
using Amazon.Runtime;
using Microsoft.AspNetCore.WebUtilities;
using WhatsAppHub.Aws.Credentials;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Tests.Infrastructure;

namespace WhatsAppHub.Aws.Tests;

public sealed class CredentialsFactoryTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/whatsapphub";
    private const string EntraToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.entra-access-token.sig";

    [Fact]
    public void Static_keys_are_used_as_given()
    {
        var credentials = AwsCredentialsFactory.Create(new AwsCredentialSettings("AKIASTATIC", "static-secret", null, RoleArn, null, null), "eu-west-1",
            new FakeTokenCredential(EntraToken));

        var keys = credentials.GetCredentials();
        Assert.IsType<BasicAWSCredentials>(credentials);
        Assert.Equal("AKIASTATIC", keys.AccessKey);
        Assert.Equal("static-secret", keys.SecretKey);
        Assert.False(keys.UseToken);
    }

    [Fact]
    public void Static_keys_with_a_session_token_carry_it()
    {
        var keys = AwsCredentialsFactory.Create(new AwsCredentialSettings("ASIATEMP", "temp-secret", "temp-token", null, null, null), "eu-west-1").GetCredentials();

        Assert.Equal("ASIATEMP", keys.AccessKey);
        Assert.Equal("temp-token", keys.Token);
    }

    [Theory]
    [InlineData("AKIAONLY", null)]
    [InlineData(null, "secret-only")]
    public void Half_a_key_pair_is_refused(string? keyId, string? secret)
    {
        Assert.Throws<ArgumentException>(() =>
            AwsCredentialsFactory.Create(new AwsCredentialSettings(keyId, secret, null, null, null, null), "eu-west-1"));
    }

    [Fact]
    public void Nothing_configured_selects_the_default_chain()
    {
        Assert.IsType<DefaultChainCredentials>(AwsCredentialsFactory.Create(AwsCredentialSettings.DefaultChain, "eu-west-1"));
    }

    [Fact]
    public void A_role_without_an_azure_credential_falls_back_to_the_default_chain()
    {
        Assert.IsType<DefaultChainCredentials>(
            AwsCredentialsFactory.Create(new AwsCredentialSettings(null, null, null, RoleArn, null, null), "eu-west-1"));
    }

    [Fact]
    public async Task An_entra_token_is_traded_at_sts_and_the_returned_keys_sign_eum_calls()
    {
        await using var sts = await RecordingHttpServer.StartAsync();
        sts.Responder = FakeSts.Responder(() => DateTimeOffset.UtcNow.AddHours(1));
        await using var eum = await RecordingHttpServer.StartAsync();
        var entra = new FakeTokenCredential(EntraToken);

        var credentials = AwsCredentialsFactory.Create(
            new AwsCredentialSettings(null, null, null, RoleArn, "api://aws-access", sts.BaseAddress.GetLeftPart(UriPartial.Authority)),
            "eu-west-1", entra);
        using var client = TestClients.For(eum, credentials: credentials);
        await client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend());

        Assert.IsType<EntraWebIdentityCredentials>(credentials);
        Assert.Equal(["api://aws-access/.default"], Assert.Single(entra.RequestedScopes));

        // What reached STS: the Entra token as WebIdentityToken, unsigned (the token is the proof).
        var stsCall = Assert.Single(sts.Requests);
        Assert.Equal("POST", stsCall.Method);
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(stsCall.Body));
        Assert.Equal("AssumeRoleWithWebIdentity", form["Action"].ToString());
        Assert.Equal(EntraToken, form["WebIdentityToken"].ToString());
        Assert.Equal(RoleArn, form["RoleArn"].ToString());
        Assert.StartsWith("WhatsAppHub-", form["RoleSessionName"].ToString());
        Assert.Null(stsCall.Header("Authorization"));

        // What reached EUM: signed with STS's keys, carrying its session token.
        var eumCall = Assert.Single(eum.Requests);
        var auth = SigV4Verifier.Parse(eumCall.Header("Authorization"));
        Assert.Equal(FakeSts.AccessKeyId(1), auth.AccessKeyId);
        Assert.Equal(FakeSts.SessionToken(1), eumCall.Header("x-amz-security-token"));
        Assert.Equal(SigV4Verifier.ExpectedSignature(eumCall, FakeSts.SecretKey(1)), auth.Signature);
    }

    [Fact]
    public async Task The_default_audience_is_the_azure_token_exchange_one_and_a_session_name_can_be_set()
    {
        await using var sts = await RecordingHttpServer.StartAsync();
        sts.Responder = FakeSts.Responder(() => DateTimeOffset.UtcNow.AddHours(1));
        var entra = new FakeTokenCredential(EntraToken);

        var credentials = AwsCredentialsFactory.Create(
            new AwsCredentialSettings(null, null, null, RoleArn, null, sts.BaseAddress.GetLeftPart(UriPartial.Authority), "hub-westeurope-1"),
            "eu-west-1", entra);
        var keys = await credentials.GetCredentialsAsync();

        Assert.Equal(FakeSts.AccessKeyId(1), keys.AccessKey);
        Assert.Equal(["api://AzureADTokenExchange/.default"], Assert.Single(entra.RequestedScopes));
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Assert.Single(sts.Requests).Body));
        Assert.Equal("hub-westeurope-1", form["RoleSessionName"].ToString());
    }

    [Fact]
    public async Task Keys_are_reused_until_near_expiry_then_a_fresh_token_is_traded()
    {
        await using var sts = await RecordingHttpServer.StartAsync();
        var expiry = DateTimeOffset.UtcNow.AddHours(1);
        sts.Responder = FakeSts.Responder(() => expiry);
        var entra = new FakeTokenCredential(EntraToken);
        var credentials = AwsCredentialsFactory.Create(
            new AwsCredentialSettings(null, null, null, RoleArn, null, sts.BaseAddress.GetLeftPart(UriPartial.Authority)), "eu-west-1", entra);

        var first = await credentials.GetCredentialsAsync();
        var again = await credentials.GetCredentialsAsync();
        Assert.Equal(first.AccessKey, again.AccessKey);
        Assert.Single(sts.Requests);

        // Keys that expire within the refresh margin (5 minutes) are still served, but the next use
        // starts a background trade of a fresh Entra token, whose keys are served once it lands.
        ((RefreshingAWSCredentials)credentials).ClearCredentials();
        expiry = DateTimeOffset.UtcNow.AddMinutes(3);
        var shortLived = await credentials.GetCredentialsAsync();
        Assert.Equal(FakeSts.AccessKeyId(2), shortLived.AccessKey);
        expiry = DateTimeOffset.UtcNow.AddHours(1);
        await credentials.GetCredentialsAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (sts.Requests.Count < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(3, sts.Requests.Count);
        Assert.Equal(3, entra.RequestedScopes.Count);
        var renewed = await credentials.GetCredentialsAsync();
        for (var i = 0; i < 100 && renewed.AccessKey != FakeSts.AccessKeyId(3); i++)
        {
            await Task.Delay(20);
            renewed = await credentials.GetCredentialsAsync();
        }
        Assert.Equal(FakeSts.AccessKeyId(3), renewed.AccessKey);
    }

    [Fact]
    public void Session_names_keep_to_the_characters_sts_accepts()
    {
        var name = RoleSessionNames.Sanitise("WhatsAppHub-host name/with:odd*chars" + new string('x', 80));
        Assert.Matches("^[A-Za-z0-9+=,.@_-]{2,64}$", name);
        Assert.StartsWith("WhatsAppHub-host-name-with-odd-chars", name);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>The default chain reads the process environment, so these run alone.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DefaultChainTests
{
    [Fact]
    public async Task The_default_chain_finds_environment_keys_for_the_factory_and_the_config_only_client()
    {
        var saved = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" }.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environment-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        try
        {
            var keys = AwsCredentialsFactory.Create(AwsCredentialSettings.DefaultChain, "eu-west-1").GetCredentials();
            Assert.Equal("AKIAFROMENVIRONMENT", keys.AccessKey);

            await using var eum = await RecordingHttpServer.StartAsync();
            using var client = new SocialMessagingClient(new SocialMessagingConfig
            {
                ServiceURL = eum.BaseAddress.GetLeftPart(UriPartial.Authority),
                AuthenticationRegion = "eu-west-1",
            });
            await client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend());
            var call = Assert.Single(eum.Requests);
            Assert.Equal("AKIAFROMENVIRONMENT", SigV4Verifier.Parse(call.Header("Authorization")).AccessKeyId);
            Assert.Equal(SigV4Verifier.ExpectedSignature(call, "environment-secret"), SigV4Verifier.Parse(call.Header("Authorization")).Signature);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }
}
