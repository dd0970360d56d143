using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public class SmokeTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task Table_basic()
    {
        var service = new TableService(StorageConnection.Parse(azurite.ConnectionString));
        Assert.True(await service.PingAsync());
        var table = service.GetTable(TestNames.Table("smoke"));
        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        var row = new TableRow("p1", "r1").Set("Name", "x").Set("N", 5L).Set("D", 2.0).Set("I", 3);
        Assert.True(await table.InsertIfAbsentAsync(row));
        Assert.NotNull(row.ETag);
        var got = await table.GetAsync("p1", "r1");
        Assert.NotNull(got);
        Assert.Equal("x", got!.GetString("Name"));
        Assert.Equal(5L, got["N"]);
        Assert.Equal(2.0, got["D"]);
        Assert.Equal(3, got["I"]);
    }

    [Fact]
    public async Task Queue_basic()
    {
        var service = new QueueService(StorageConnection.Parse(azurite.ConnectionString));
        Assert.True(await service.PingAsync());
        var queue = service.GetQueue(TestNames.Queue("smoke"));
        await queue.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        var receipt = await queue.PutAsync("hello ✓");
        var messages = await queue.GetAsync(1, TimeSpan.FromSeconds(30));
        var message = Assert.Single(messages);
        Assert.Equal("hello ✓", message.Text);
        Assert.Equal(receipt.MessageId, message.MessageId);
        Assert.True(await queue.DeleteAsync(message.MessageId, message.PopReceipt));
    }
}
