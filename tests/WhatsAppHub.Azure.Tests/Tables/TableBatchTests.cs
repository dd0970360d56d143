using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public class TableBatchTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task A_batch_applies_every_kind_of_action_and_returns_etags_in_order()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "batchok");
        var existing = new TableRow("p", "update").Set("A", 1).Set("B", 1);
        await table.InsertIfAbsentAsync(existing);
        await table.InsertIfAbsentAsync(new TableRow("p", "delete").Set("A", 1));
        await table.InsertIfAbsentAsync(new TableRow("p", "merge").Set("Keep", "yes"));

        IReadOnlyList<string> etags = await table.SubmitBatchAsync(
        [
            TableBatchAction.Insert(new TableRow("p", "insert").Set("A", 1)),
            TableBatchAction.Upsert(new TableRow("p", "upsert").Set("A", 2), TableUpdateMode.Replace),
            TableBatchAction.Update(new TableRow("p", "update").Set("A", 3), existing.ETag!, TableUpdateMode.Replace),
            TableBatchAction.Upsert(new TableRow("p", "merge").Set("Added", true), TableUpdateMode.Merge),
            TableBatchAction.Delete("p", "delete"),
        ]);

        Assert.Equal(5, etags.Count);
        Assert.All(etags.Take(4), e => Assert.False(string.IsNullOrEmpty(e)));
        Assert.Equal("", etags[4]);

        Assert.NotNull(await table.GetAsync("p", "insert"));
        Assert.Equal(2, (await table.GetAsync("p", "upsert"))!.GetInt32("A"));
        var updated = await table.GetAsync("p", "update");
        Assert.Equal(3, updated!.GetInt32("A"));
        Assert.Null(updated["B"]);
        Assert.Equal(etags[2], updated.ETag);
        var merged = await table.GetAsync("p", "merge");
        Assert.Equal("yes", merged!.GetString("Keep"));
        Assert.True(merged.GetBoolean("Added"));
        Assert.Null(await table.GetAsync("p", "delete"));
    }

    [Fact]
    public async Task A_failing_action_rolls_back_the_whole_batch_and_is_named()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "batchfail");
        await table.InsertIfAbsentAsync(new TableRow("p", "exists").Set("V", "original"));
        await table.InsertIfAbsentAsync(new TableRow("p", "keep").Set("V", "original"));

        var exception = await Assert.ThrowsAsync<TableBatchException>(() => table.SubmitBatchAsync(
        [
            TableBatchAction.Insert(new TableRow("p", "new1").Set("V", "new")),
            TableBatchAction.Upsert(new TableRow("p", "keep").Set("V", "changed"), TableUpdateMode.Replace),
            TableBatchAction.Insert(new TableRow("p", "exists").Set("V", "dup")),
            TableBatchAction.Insert(new TableRow("p", "new2").Set("V", "new")),
        ]));

        Assert.Equal(2, exception.FailedActionIndex);
        Assert.Equal(409, exception.Status);
        Assert.Equal("EntityAlreadyExists", exception.ErrorCode);
        Assert.Contains("action 2", exception.Message);

        Assert.Null(await table.GetAsync("p", "new1"));
        Assert.Null(await table.GetAsync("p", "new2"));
        Assert.Equal("original", (await table.GetAsync("p", "keep"))!.GetString("V"));
        Assert.Equal("original", (await table.GetAsync("p", "exists"))!.GetString("V"));
    }

    [Fact]
    public async Task A_stale_etag_in_a_batch_fails_it_with_412()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "batchetag");
        var row = new TableRow("p", "r").Set("V", 1);
        await table.InsertIfAbsentAsync(row);
        string stale = row.ETag!;
        await table.UpsertAsync(new TableRow("p", "r").Set("V", 2), TableUpdateMode.Replace);

        var exception = await Assert.ThrowsAsync<TableBatchException>(() => table.SubmitBatchAsync(
        [
            TableBatchAction.Insert(new TableRow("p", "other")),
            TableBatchAction.Update(new TableRow("p", "r").Set("V", 3), stale, TableUpdateMode.Merge),
        ]));
        Assert.Equal(1, exception.FailedActionIndex);
        Assert.Equal(412, exception.Status);
        Assert.Null(await table.GetAsync("p", "other"));
    }

    [Fact]
    public async Task A_full_batch_of_100_is_accepted()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "batch100");
        var etags = await table.SubmitBatchAsync(Enumerable.Range(0, 100).Select(i => TableBatchAction.Insert(new TableRow("p", $"{i:D3}").Set("I", i))).ToList());
        Assert.Equal(100, etags.Count);
        Assert.Equal(100, (await table.QueryAsync(new TableQuery { PartitionKey = "p" })).Rows.Count);
    }

    [Fact]
    public async Task Batches_that_break_the_rules_are_refused_before_sending()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "batchrules");
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync(
            Enumerable.Range(0, 101).Select(i => TableBatchAction.Insert(new TableRow("p", $"{i}"))).ToList()));
        var mixed = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync(
            [TableBatchAction.Insert(new TableRow("p", "1")), TableBatchAction.Insert(new TableRow("q", "2"))]));
        Assert.Contains("partition", mixed.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitBatchAsync(
            [TableBatchAction.Insert(new TableRow("p", "1")), TableBatchAction.Delete("p", "1")]));
        var tooBig = await Assert.ThrowsAsync<TableRowValidationException>(() => table.SubmitBatchAsync(
            [TableBatchAction.Insert(new TableRow("p", "1").Set("S", new string('s', 40_000)))]));
        Assert.Equal("S", tooBig.PropertyName);
    }
}
