using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public class TablePropertyTypesTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task Every_property_type_round_trips_to_the_same_dotnet_type()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "types");
        var when = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.FromHours(5)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var row = new TableRow("p", "r")
            .Set("Text", "héllo \"quoted\" \n ✓ 😀")
            .Set("Empty", "")
            .Set("Int", int.MinValue)
            .Set("Long", long.MaxValue)
            .Set("SmallLong", 5L)
            .Set("Double", 0.1)
            .Set("IntegralDouble", 2.0)
            .Set("BigDouble", double.MaxValue)
            .Set("True", true)
            .Set("False", false)
            .Set("When", when)
            .Set("LegacyDate", new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc))
            .Set("Id", id)
            .Set("Bytes", new byte[] { 0, 1, 2, 250, 255 });
        await table.UpsertAsync(row, TableUpdateMode.Replace);

        var back = await table.GetAsync("p", "r");
        Assert.NotNull(back);
        Assert.Equal("héllo \"quoted\" \n ✓ 😀", back!["Text"]);
        Assert.Equal("", back["Empty"]);
        Assert.Equal(int.MinValue, Assert.IsType<int>(back["Int"]));
        Assert.Equal(long.MaxValue, Assert.IsType<long>(back["Long"]));
        Assert.Equal(5L, Assert.IsType<long>(back["SmallLong"]));
        Assert.Equal(0.1, Assert.IsType<double>(back["Double"]));
        Assert.Equal(2.0, Assert.IsType<double>(back["IntegralDouble"]));
        Assert.Equal(double.MaxValue, Assert.IsType<double>(back["BigDouble"]));
        Assert.True(Assert.IsType<bool>(back["True"]));
        Assert.False(Assert.IsType<bool>(back["False"]));
        Assert.Equal(when, Assert.IsType<DateTimeOffset>(back["When"]));
        Assert.Equal(TimeSpan.Zero, back.GetDateTimeOffset("When")!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero), back.GetDateTimeOffset("LegacyDate"));
        Assert.Equal(id, Assert.IsType<Guid>(back["Id"]));
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, Assert.IsType<byte[]>(back["Bytes"]));

        // Typed getters, including the lossless widenings.
        Assert.Equal(int.MinValue, back.GetInt32("Int"));
        Assert.Equal((long)int.MinValue, back.GetInt64("Int"));
        Assert.Equal(5, back.GetInt32("SmallLong"));
        Assert.Equal(2.0, back.GetDouble("IntegralDouble"));
        Assert.Equal(id, back.GetGuid("Id"));
        Assert.Null(back.GetString("Absent"));
        Assert.Throws<InvalidCastException>(() => back.GetGuid("Text"));
    }

    [Fact]
    public async Task Non_finite_doubles_round_trip()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "nonfinite");
        var row = new TableRow("p", "r")
            .Set("NaN", double.NaN)
            .Set("PosInf", double.PositiveInfinity)
            .Set("NegInf", double.NegativeInfinity);
        await table.UpsertAsync(row, TableUpdateMode.Replace);

        var back = await table.GetAsync("p", "r");
        Assert.True(double.IsNaN(back!.GetDouble("NaN")!.Value));
        Assert.Equal(double.PositiveInfinity, back.GetDouble("PosInf"));
        Assert.Equal(double.NegativeInfinity, back.GetDouble("NegInf"));
    }

    [Fact]
    public async Task Keys_built_from_awkward_ids_round_trip_through_every_operation()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "keys");
        string[] ids =
        [
            "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=",
            "a/b+c=d",
            "100% sure|maybe",
            "it's \"quoted\" (really)",
            "back\\slash #hash ?query",
            "tab\tnew\nline\u0085",
            "ünïcödé ✓ 😀 中文",
            "&amp; <xml> ~!@$^*[]{};:,.",
        ];

        foreach (string id in ids)
        {
            string partition = StorageKey.Compose("CONV", "106540352242922", id);
            string rowKey = StorageKey.Escape(id);
            var row = new TableRow(partition, rowKey).Set("Id", id);

            Assert.True(await table.InsertIfAbsentAsync(row), id);
            var back = await table.GetAsync(partition, rowKey);
            Assert.NotNull(back);
            Assert.Equal(partition, back!.PartitionKey);
            Assert.Equal(rowKey, back.RowKey);
            Assert.Equal(id, StorageKey.Unescape(back.RowKey));
            Assert.Equal(id, StorageKey.Split(back.PartitionKey)[2]);

            await table.UpdateAsync(back.Set("Seen", true), back.ETag!, TableUpdateMode.Merge);

            var page = await table.QueryAsync(new TableQuery { PartitionKey = partition });
            Assert.Equal(id, Assert.Single(page.Rows).GetString("Id"));

            await table.SubmitBatchAsync([TableBatchAction.Upsert(new TableRow(partition, rowKey).Set("Batched", 1), TableUpdateMode.Merge)]);
            Assert.Equal(1, (await table.GetAsync(partition, rowKey))!.GetInt32("Batched"));

            Assert.True(await table.DeleteAsync(partition, rowKey));
        }
    }
}
