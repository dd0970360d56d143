using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public class TableStoreTests(AzuriteProcess azurite)
{
    [Fact]
    public async Task Creating_a_table_twice_succeeds()
    {
        var table = new TableService(StorageConnection.Parse(azurite.ConnectionString)).GetTable(TestNames.Table("twice"));
        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        Assert.Empty((await table.QueryAsync(new TableQuery())).Rows);
    }

    [Fact]
    public async Task Insert_if_absent_inserts_once_and_leaves_the_row_alone_the_second_time()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "insert");
        var first = new TableRow("p", "r").Set("Value", "first");
        Assert.True(await table.InsertIfAbsentAsync(first));
        Assert.False(string.IsNullOrEmpty(first.ETag));

        var second = new TableRow("p", "r").Set("Value", "second");
        Assert.False(await table.InsertIfAbsentAsync(second));
        Assert.Null(second.ETag);

        var stored = await table.GetAsync("p", "r");
        Assert.Equal("first", stored!.GetString("Value"));
        Assert.Equal(first.ETag, stored.ETag);
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_replace_drops_them()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "upsert");
        string etag1 = await table.UpsertAsync(new TableRow("p", "r").Set("A", "a").Set("B", 1), TableUpdateMode.Replace);

        string etag2 = await table.UpsertAsync(new TableRow("p", "r").Set("C", true), TableUpdateMode.Merge);
        var merged = await table.GetAsync("p", "r");
        Assert.Equal("a", merged!.GetString("A"));
        Assert.Equal(1, merged.GetInt32("B"));
        Assert.True(merged.GetBoolean("C"));
        Assert.NotEqual(etag1, etag2);

        var replaceRow = new TableRow("p", "r").Set("D", "d");
        string etag3 = await table.UpsertAsync(replaceRow, TableUpdateMode.Replace);
        Assert.Equal(etag3, replaceRow.ETag);
        var replaced = await table.GetAsync("p", "r");
        Assert.Equal(["D"], replaced!.Names);
        Assert.Equal("d", replaced.GetString("D"));

        // Upsert creates missing rows in both modes.
        await table.UpsertAsync(new TableRow("p", "new-merge").Set("X", 1), TableUpdateMode.Merge);
        Assert.NotNull(await table.GetAsync("p", "new-merge"));
    }

    [Fact]
    public async Task Update_needs_the_current_etag()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "update");
        var row = new TableRow("p", "r").Set("Step", 1);
        Assert.True(await table.InsertIfAbsentAsync(row));
        string stale = row.ETag!;

        row.Set("Step", 2);
        string fresh = await table.UpdateAsync(row, stale, TableUpdateMode.Replace);
        Assert.NotEqual(stale, fresh);

        row.Set("Step", 3);
        var conflict = await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateAsync(row, stale, TableUpdateMode.Merge));
        Assert.Equal(412, conflict.Status);
        Assert.Equal(2, (await table.GetAsync("p", "r"))!.GetInt32("Step"));

        await table.UpdateAsync(new TableRow("p", "r").Set("Other", "o"), fresh, TableUpdateMode.Merge);
        var merged = await table.GetAsync("p", "r");
        Assert.Equal(2, merged!.GetInt32("Step"));
        Assert.Equal("o", merged.GetString("Other"));

        // "*" matches any version.
        await table.UpdateAsync(new TableRow("p", "r").Set("Step", 9), "*", TableUpdateMode.Replace);
        Assert.Equal(9, (await table.GetAsync("p", "r"))!.GetInt32("Step"));
    }

    [Fact]
    public async Task Update_of_a_missing_row_is_a_404()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "updmissing");
        var exception = await Assert.ThrowsAsync<StorageRequestException>(() =>
            table.UpdateAsync(new TableRow("p", "missing").Set("A", 1), "*", TableUpdateMode.Replace));
        Assert.Equal(404, exception.Status);
        Assert.IsNotType<TableConcurrencyException>(exception);
    }

    [Fact]
    public async Task Get_of_a_missing_row_is_null_but_a_missing_table_is_an_error()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "getmissing");
        Assert.Null(await table.GetAsync("p", "nothing"));

        var missingTable = new TableService(StorageConnection.Parse(azurite.ConnectionString)).GetTable(TestNames.Table("nosuch"));
        var exception = await Assert.ThrowsAsync<StorageRequestException>(() => missingTable.GetAsync("p", "r"));
        Assert.Equal(404, exception.Status);
        Assert.Equal("TableNotFound", exception.ErrorCode);
    }

    [Fact]
    public async Task Delete_removes_the_row_and_reports_absence()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "delete");
        var row = new TableRow("p", "r").Set("A", 1);
        await table.InsertIfAbsentAsync(row);
        string stale = row.ETag!;
        await table.UpsertAsync(new TableRow("p", "r").Set("A", 2), TableUpdateMode.Replace);

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.DeleteAsync("p", "r", stale));
        Assert.True(await table.DeleteAsync("p", "r"));
        Assert.Null(await table.GetAsync("p", "r"));
        Assert.False(await table.DeleteAsync("p", "r"));
    }

    [Fact]
    public async Task Rows_that_break_a_limit_are_refused_before_sending_naming_the_property()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "limits");

        var longString = await Assert.ThrowsAsync<TableRowValidationException>(() =>
            table.InsertIfAbsentAsync(new TableRow("p", "r").Set("Body", new string('x', TableRowLimits.MaxStringLength + 1))));
        Assert.Equal("Body", longString.PropertyName);
        Assert.Contains("'Body'", longString.Message);

        var bigBinary = await Assert.ThrowsAsync<TableRowValidationException>(() =>
            table.UpsertAsync(new TableRow("p", "r").Set("Blob", new byte[TableRowLimits.MaxBinaryLength + 1]), TableUpdateMode.Merge));
        Assert.Equal("Blob", bigBinary.PropertyName);

        var tooMany = new TableRow("p", "r");
        for (int i = 0; i < 253; i++)
        {
            tooMany.Set($"P{i}", i);
        }

        var count = await Assert.ThrowsAsync<TableRowValidationException>(() => table.InsertIfAbsentAsync(tooMany));
        Assert.Contains("253 properties", count.Message);

        var huge = new TableRow("p", "r");
        for (int i = 0; i < 20; i++)
        {
            huge.Set($"Chunk{i:D2}", new string((char)('a' + i), i == 7 ? TableRowLimits.MaxStringLength : 30_000));
        }

        var entity = await Assert.ThrowsAsync<TableRowValidationException>(() => table.UpsertAsync(huge, TableUpdateMode.Replace));
        Assert.Equal("Chunk07", entity.PropertyName);
        Assert.Contains("1048576", entity.Message);

        var badKey = await Assert.ThrowsAsync<TableRowValidationException>(() => table.InsertIfAbsentAsync(new TableRow("CONV|a/b", "r")));
        Assert.Equal("PartitionKey", badKey.PropertyName);
        var badRowKey = await Assert.ThrowsAsync<TableRowValidationException>(() => table.GetAsync("p", "a#b"));
        Assert.Equal("RowKey", badRowKey.PropertyName);

        // Nothing of the above reached the table.
        Assert.Empty((await table.QueryAsync(new TableQuery())).Rows);
    }

    [Fact]
    public async Task Values_at_the_limits_are_accepted_by_the_service()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "atlimit");
        var row = new TableRow("p", "r")
            .Set("Body", new string('é', TableRowLimits.MaxStringLength))
            .Set("Blob", Enumerable.Range(0, TableRowLimits.MaxBinaryLength).Select(i => (byte)i).ToArray());
        Assert.True(await table.InsertIfAbsentAsync(row));

        var stored = await table.GetAsync("p", "r");
        Assert.Equal(row.GetString("Body"), stored!.GetString("Body"));
        Assert.Equal(row.GetBinary("Blob"), stored.GetBinary("Blob"));
    }
}
