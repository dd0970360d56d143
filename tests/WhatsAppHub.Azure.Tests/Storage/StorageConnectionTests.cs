using Azure.Core;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Tests.Storage;

public class StorageConnectionTests
{
    private const string SecretKey = "c2VjcmV0LWtleS1ieXRlcy1mb3ItdGVzdHM9PQ==";

    [Fact]
    public void Development_storage_uses_azurite_defaults()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");
        Assert.Equal("devstoreaccount1", connection.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.True(connection.UsesSharedKey);
    }

    [Fact]
    public void Development_storage_respects_the_proxy_uri()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://emulator.local");
        Assert.Equal(new Uri("http://emulator.local:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://emulator.local:10001/devstoreaccount1"), connection.QueueEndpoint);
    }

    [Fact]
    public void Account_form_derives_endpoints_from_the_suffix()
    {
        var connection = StorageConnection.Parse($"DefaultEndpointsProtocol=https;AccountName=hubstore;AccountKey={SecretKey};EndpointSuffix=core.chinacloudapi.cn");
        Assert.Equal("hubstore", connection.AccountName);
        Assert.Equal(new Uri("https://hubstore.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://hubstore.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
    }

    [Fact]
    public void Account_form_defaults_to_https_and_the_public_cloud()
    {
        var connection = StorageConnection.Parse($"AccountName=hubstore;AccountKey={SecretKey}");
        Assert.Equal(new Uri("https://hubstore.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://hubstore.queue.core.windows.net"), connection.QueueEndpoint);
    }

    [Fact]
    public void Explicit_endpoints_win_and_names_are_case_insensitive()
    {
        var connection = StorageConnection.Parse(
            $"defaultendpointsprotocol=http;accountname=devstoreaccount1;accountkey={SecretKey};" +
            "TableEndpoint=http://127.0.0.1:5002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1;BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1;");
        Assert.Equal(new Uri("http://127.0.0.1:5002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5001/devstoreaccount1"), connection.QueueEndpoint);
    }

    [Theory]
    [InlineData("AccountKey=" + SecretKey, "AccountName")]
    [InlineData("AccountName=a", "AccountKey")]
    [InlineData("AccountName=a;AccountKey=not*base64" + SecretKey, "AccountKey")]
    [InlineData("AccountName=a;AccountKey=" + SecretKey + ";TableEndpoint=not a uri", "TableEndpoint")]
    [InlineData("AccountName=a;AccountKey=" + SecretKey + ";QueueEndpoint=ftp://x", "QueueEndpoint")]
    [InlineData("AccountName=a;AccountKey=" + SecretKey + ";DefaultEndpointsProtocol=gopher", "DefaultEndpointsProtocol")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=::", "DevelopmentStorageProxyUri")]
    [InlineData("AccountName=a;SharedAccessSignature=sv=1", "SharedAccessSignature")]
    [InlineData("", "empty")]
    [InlineData("justtext", "Name=Value")]
    public void Bad_strings_throw_FormatException_naming_the_part_without_the_key(string connectionString, string named)
    {
        var exception = Assert.Throws<FormatException>(() => StorageConnection.Parse(connectionString));
        Assert.Contains(named, exception.Message);
        Assert.DoesNotContain(SecretKey, exception.ToString());
        Assert.DoesNotContain("not*base64", exception.ToString());
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var connection = StorageConnection.Parse($"AccountName=hubstore;AccountKey={SecretKey}");
        Assert.DoesNotContain(SecretKey, connection.ToString());
        Assert.Contains("hubstore", connection.ToString());
    }

    [Fact]
    public void Token_connections_need_https()
    {
        var exception = Assert.Throws<ArgumentException>(() => StorageConnection.FromTokenCredential(
            new Uri("http://127.0.0.1:10002/devstoreaccount1"), new Uri("https://127.0.0.1:10001/devstoreaccount1"), new FakeTokenCredential()));
        Assert.Equal("tableEndpoint", exception.ParamName);
    }

    [Theory]
    [InlineData("https://hubstore.table.core.windows.net/", "hubstore")]
    [InlineData("https://127.0.0.1:10002/devstoreaccount1", "devstoreaccount1")]
    public void Token_connections_take_the_account_name_from_the_endpoint(string endpoint, string account)
    {
        var connection = StorageConnection.FromTokenCredential(new Uri(endpoint), new Uri(endpoint.Replace("table", "queue")), new FakeTokenCredential());
        Assert.Equal(account, connection.AccountName);
        Assert.False(connection.UsesSharedKey);
    }
}

/// <summary>A credential that hands out a fixed token and records the scopes asked for.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public List<string[]> RequestedScopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Add(requestContext.Scopes);
        return new AccessToken("fake-entra-token", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
