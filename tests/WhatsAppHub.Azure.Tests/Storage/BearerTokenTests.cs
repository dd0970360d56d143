using System.Net;
using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Azure.Tests.Storage;

public class BearerTokenTests
{
    [Fact]
    public async Task Token_connections_send_a_bearer_token_for_the_storage_scope_to_tables()
    {
        var credential = new FakeTokenCredential();
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var connection = StorageConnection.FromTokenCredential(
            new Uri("https://hubstore.table.core.windows.net"), new Uri("https://hubstore.queue.core.windows.net"), credential);
        var tables = new TableService(connection, new TableServiceOptions { Transport = new HttpClientTransport(handler) });

        Assert.Null(await tables.GetTable("orders").GetAsync("p", "r"));

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("Bearer fake-entra-token", sent.Header("Authorization"));
        Assert.Equal("https://storage.azure.com/.default", Assert.Single(Assert.Single(credential.RequestedScopes)));
        Assert.False(string.IsNullOrEmpty(sent.Header("x-ms-version")));
        Assert.False(string.IsNullOrEmpty(sent.Header("x-ms-date")));
    }

    [Fact]
    public async Task Token_connections_send_a_bearer_token_to_queues()
    {
        var credential = new FakeTokenCredential();
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.Created));
        var connection = StorageConnection.FromTokenCredential(
            new Uri("https://hubstore.table.core.windows.net"), new Uri("https://hubstore.queue.core.windows.net"), credential);
        var queues = new QueueService(connection, new QueueServiceOptions { Transport = new HttpClientTransport(handler) });

        await queues.GetQueue("jobs").CreateIfNotExistsAsync();

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://hubstore.queue.core.windows.net/jobs"), sent.Uri);
        Assert.Equal("Bearer fake-entra-token", sent.Header("Authorization"));
        Assert.Equal("https://storage.azure.com/.default", Assert.Single(Assert.Single(credential.RequestedScopes)));
    }
}
