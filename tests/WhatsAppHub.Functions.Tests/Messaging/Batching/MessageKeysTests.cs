using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;

namespace WhatsAppHub.Functions.Tests.Messaging.Batching;

/// <summary>Keys that let a batch of messages share a partition while every RowKey stays unique.</summary>
public class MessageKeysTests
{
    [Fact]
    public void Messages_made_together_share_a_partition_and_their_id_is_the_row_key()
    {
        // Two ids 100 ms apart inside one 4,096 ms bucket, and one in the next bucket.
        var bucketStart = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 4096 * 4096;
        string Id(long ms) => ms.ToString("x12") + "70008000000000000000";
        var first = Id(bucketStart + 5);
        var second = Id(bucketStart + 105);
        var next = Id(bucketStart + 4096);

        Assert.Equal(MessageKeys.MessagePartition(first), MessageKeys.MessagePartition(second));
        Assert.NotEqual(MessageKeys.MessagePartition(first), MessageKeys.MessagePartition(next));
        Assert.Equal("MSG|" + first[..9], MessageKeys.MessagePartition(first));
        Assert.Equal(first, MessageKeys.MessageRowKey(first));
    }

    [Fact]
    public void A_time_maps_to_the_partition_of_ids_made_then()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 4096 * 4096 + 2000);
        var id = at.ToUnixTimeMilliseconds().ToString("x12") + "70008000000000000000";

        Assert.Equal(MessageKeys.MessagePartitionAt(at), MessageKeys.MessagePartition(id));
        Assert.True(string.CompareOrdinal(MessageKeys.IdPrefix(at.AddMilliseconds(-1)), id) < 0);
    }

    [Fact]
    public void Wamid_pointers_spread_over_a_few_stable_partitions()
    {
        var partitions = Enumerable.Range(0, 200).Select(i => MessageKeys.WamidPartition($"wamid.HBgL{i:D6}==")).ToHashSet();

        Assert.Equal(MessageKeys.WamidPartitions, partitions.Count);
        Assert.Equal(MessageKeys.WamidPartition("wamid.abc/+="), MessageKeys.WamidPartition("wamid.abc/+="));
        Assert.DoesNotContain('/', MessageKeys.WamidRowKey("wamid.abc/+="));
    }

    [Fact]
    public void Ids_made_far_apart_are_read_in_separate_runs()
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        string Id(long ms) => ms.ToString("x12") + "70008000000000000000";
        var ids = new[] { Id(t + 10), Id(t), Id(t + 200), Id(t + 2000), "not-a-hub-id" };

        var runs = MessageKeys.Runs(ids).ToList();

        Assert.Equal(3, runs.Count);
        Assert.Equal([Id(t), Id(t + 10), Id(t + 200)], runs[0]);
        Assert.Equal([Id(t + 2000)], runs[1]);
        Assert.Equal(["not-a-hub-id"], runs[2]);
    }
}
