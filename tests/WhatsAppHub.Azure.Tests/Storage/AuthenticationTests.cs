using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public class AuthenticationTests(AzuriteProcess azurite)
{
    // A valid base64 key that is not the account's.
    private const string WrongKey = "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktd3Jvbmcta2V5LXdyb25nLWtleQ==";

    private string WrongConnectionString => azurite.ConnectionString.Replace(AzuriteProcess.AccountKey, WrongKey);

    private static readonly TableServiceOptions NoRetryTables = new() { Retry = { MaxRetries = 0 } };

    [Fact]
    public async Task A_wrong_key_gets_403_from_tables_without_leaking_the_key()
    {
        var service = new TableService(StorageConnection.Parse(WrongConnectionString), NoRetryTables);
        var exception = await Assert.ThrowsAsync<StorageRequestException>(() => service.GetTable("authcheck").CreateIfNotExistsAsync());

        Assert.Equal(403, exception.Status);
        Assert.Equal("AuthorizationFailure", exception.ErrorCode);
        Assert.False(string.IsNullOrEmpty(exception.RequestId));
        Assert.DoesNotContain(WrongKey, exception.ToString());
        Assert.DoesNotContain(AzuriteProcess.AccountKey, exception.ToString());
        Assert.False(await service.PingAsync());
    }

    [Fact]
    public async Task A_wrong_key_gets_403_from_queues_without_leaking_the_key()
    {
        var service = new QueueService(StorageConnection.Parse(WrongConnectionString), new QueueServiceOptions { Retry = { MaxRetries = 0 } });
        var exception = await Assert.ThrowsAsync<StorageRequestException>(() => service.GetQueue("authcheck").PutAsync("x"));

        Assert.Equal(403, exception.Status);
        Assert.NotNull(exception.ErrorCode);
        Assert.DoesNotContain(WrongKey, exception.ToString());
        Assert.DoesNotContain(AzuriteProcess.AccountKey, exception.ToString());
        Assert.False(await service.PingAsync());
    }

    [Fact]
    public async Task Ping_is_true_with_the_right_key_and_false_when_nothing_listens()
    {
        var connection = StorageConnection.Parse(azurite.ConnectionString);
        Assert.True(await new TableService(connection).PingAsync());
        Assert.True(await new QueueService(connection).PingAsync());

        int closed = FreePort.Next();
        var nowhere = StorageConnection.Parse(
            $"AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1");
        var started = DateTime.UtcNow;
        Assert.False(await new TableService(nowhere).PingAsync());
        Assert.False(await new QueueService(nowhere).PingAsync());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "Ping must not go through the retry back-off.");
    }
}
