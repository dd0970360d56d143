using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public class TableQueryTests(AzuriteProcess azurite)
{
    private static async Task<ITableStore> SeedAsync(AzuriteProcess azurite, string hint)
    {
        var table = await AzuriteTables.NewTableAsync(azurite, hint);
        foreach (string partition in new[] { "A", "B", "C" })
        {
            var actions = Enumerable.Range(0, 25)
                .Select(i => TableBatchAction.Insert(new TableRow(partition, $"r{i:D3}").Set("N", i).Set("Even", i % 2 == 0).Set("Note", $"{partition}{i}")))
                .ToList();
            await table.SubmitBatchAsync(actions);
        }

        return table;
    }

    private static async Task<List<TableRow>> ReadAllAsync(ITableStore table, TableQuery first)
    {
        var rows = new List<TableRow>();
        TableContinuation? continuation = null;
        int pages = 0;
        do
        {
            // Round-trip the token through its string form, as the HTTP API does.
            var query = new TableQuery
            {
                PartitionKey = first.PartitionKey,
                Filter = first.Filter,
                Top = first.Top,
                Select = first.Select,
                Continuation = continuation is null ? null : TableContinuation.Parse(continuation.ToToken()),
            };
            TablePage page = await table.QueryAsync(query);
            Assert.True(first.Top is null || page.Rows.Count <= first.Top);
            rows.AddRange(page.Rows);
            continuation = page.Continuation;
            Assert.True(++pages < 100, "too many pages");
        }
        while (continuation is not null);

        return rows;
    }

    [Fact]
    public async Task Paging_with_top_sees_every_row_once_and_in_order()
    {
        var table = await SeedAsync(azurite, "paging");

        var page1 = await table.QueryAsync(new TableQuery { PartitionKey = "B", Top = 7 });
        Assert.Equal(7, page1.Rows.Count);
        Assert.NotNull(page1.Continuation);

        var rows = await ReadAllAsync(table, new TableQuery { PartitionKey = "B", Top = 7 });
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"r{i:D3}"), rows.Select(r => r.RowKey));
        Assert.All(rows, r => Assert.Equal("B", r.PartitionKey));

        // Across partitions, ordered by PartitionKey then RowKey.
        var all = await ReadAllAsync(table, new TableQuery { Top = 10 });
        Assert.Equal(75, all.Count);
        Assert.Equal(all.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal).Select(r => (r.PartitionKey, r.RowKey)),
            all.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.Equal(75, all.Select(r => (r.PartitionKey, r.RowKey)).Distinct().Count());
    }

    [Fact]
    public async Task QueryAll_follows_every_page_and_QueryUpTo_stops_at_the_limit_and_goes_on_from_there()
    {
        var table = await SeedAsync(azurite, "pagedreads");
        const string even = "Even eq true";

        var all = await table.QueryAllAsync(new TableQuery { Filter = even, Top = 4 });
        Assert.Equal(39, all.Count); // 13 even rows in each of the three partitions

        var (first, next) = await table.QueryUpToAsync(new TableQuery { Filter = even }, 30);
        Assert.Equal(all.Take(30).Select(r => (r.PartitionKey, r.RowKey)), first.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.NotNull(next);
        var (rest, end) = await table.QueryUpToAsync(new TableQuery { Filter = even, Continuation = next }, 30);
        Assert.Equal(all.Skip(30).Select(r => (r.PartitionKey, r.RowKey)), rest.Select(r => (r.PartitionKey, r.RowKey)));
        Assert.Null(end);
    }

    [Fact]
    public async Task Filter_is_anded_with_the_partition_and_pages_too()
    {
        var table = await SeedAsync(azurite, "filter");
        var rows = await ReadAllAsync(table, new TableQuery { PartitionKey = "C", Filter = "Even eq true and N ge 10", Top = 3 });
        Assert.Equal(new[] { 10, 12, 14, 16, 18, 20, 22, 24 }, rows.Select(r => r.GetInt32("N")!.Value));
        Assert.All(rows, r => Assert.Equal("C", r.PartitionKey));
    }

    [Fact]
    public async Task Range_filters_and_select_work()
    {
        var table = await SeedAsync(azurite, "select");
        var page = await table.QueryAsync(new TableQuery
        {
            PartitionKey = "A",
            Filter = TableFilter.Range("RowKey", "r010", "r013"),
            Select = ["N"],
        });

        Assert.Equal(["r010", "r011", "r012"], page.Rows.Select(r => r.RowKey));
        Assert.All(page.Rows, r => Assert.Null(r["Note"]));
        Assert.Equal([10, 11, 12], page.Rows.Select(r => r.GetInt32("N")!.Value));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Descending_time_keys_come_back_newest_first()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "newest");
        var start = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var times = Enumerable.Range(0, 10).Select(i => start.AddMinutes(i * 7 % 10)).Distinct().ToList();
        await table.SubmitBatchAsync(times.Select(t => TableBatchAction.Insert(new TableRow("EVENTS", StorageKey.DescendingTimeKey(t)).Set("At", t))).ToList());

        var page = await table.QueryAsync(new TableQuery { PartitionKey = "EVENTS" });
        Assert.Equal(times.OrderByDescending(t => t), page.Rows.Select(r => r.GetDateTimeOffset("At")!.Value));
    }

    [Fact]
    public async Task Quoted_literals_in_filters_are_safe()
    {
        var table = await AzuriteTables.NewTableAsync(azurite, "quoted");
        await table.UpsertAsync(new TableRow("p", "r1").Set("Name", "O'Brien"), TableUpdateMode.Replace);
        await table.UpsertAsync(new TableRow("p", "r2").Set("Name", "OBrien"), TableUpdateMode.Replace);

        var page = await table.QueryAsync(new TableQuery { PartitionKey = "p", Filter = TableFilter.Equal("Name", "O'Brien") });
        Assert.Equal("r1", Assert.Single(page.Rows).RowKey);
    }
}
