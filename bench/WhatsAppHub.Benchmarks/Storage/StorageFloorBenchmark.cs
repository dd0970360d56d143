using System.Diagnostics;
using System.Globalization;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks.Storage;

/// <summary>
/// What Azurite itself costs per sent message, step by step, with the hub's own storage calls and rows (no hub process,
/// no HTTP in front): the storage work of the queued send path done for <c>count</c> messages in batches of each size,
/// one step at a time over all batches, so each step's Azurite CPU is measured alone. It shows the floor under the send
/// benchmark's figures: however the hub is written, these calls and rows are what a message needs from storage.
/// </summary>
public static class StorageFloorBenchmark
{
    private const string Sender = "phone-number-id-0123456789abcdef0123456789abcdef";

    /// <summary>How many batches are in flight at once: enough to keep Azurite's one event loop busy.</summary>
    private const int Concurrency = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var sizes = args.Length > 1 ? args[1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [1, 10, 100];
        var loadBefore = Machine.LoadAverage();

        var results = new List<(int Batch, string Step, double MicrosPerMessage)>();
        foreach (var size in sizes)
        {
            // A fresh emulator per batch size: Azurite's costs grow with the rows a table holds, so each size starts alike.
            await using var azurite = new AzuriteProcess { AccessLog = false };
            await azurite.InitializeAsync();
            var storage = StorageConnection.Parse(azurite.ConnectionString);
            var tables = new TableService(storage);
            var queues = new QueueService(storage);
            foreach (var table in new[] { HubTables.Messages, HubTables.MessageWamids }) await tables.GetTable(table).CreateIfNotExistsAsync();
            var queue = queues.GetQueue(HubQueues.Outbound);
            await queue.CreateIfNotExistsAsync();
            var store = new MessageStore(tables);
            var process = Process.GetProcessById(azurite.Process.Id);

            // Ids made as at 1,000 accepts/s, so the rows fall into time-bucket partitions as the send benchmark's do.
            var start = DateTimeOffset.UtcNow;
            var batches = Enumerable.Range(0, count / size)
                .Select(b => Enumerable.Range(0, size).Select(k => NewMessage(start.AddMilliseconds(b * size + k))).ToList()).ToList();
            var rows = new IReadOnlyDictionary<string, (MessageRecord Message, string ETag)>[batches.Count];
            var sending = new IReadOnlyList<string?>[batches.Count];

            async Task Step(string name, Func<int, Task> work)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                await Parallel.ForAsync(0, batches.Count, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) => await work(i));
                process.Refresh();
                var micros = (process.TotalProcessorTime - before).TotalMicroseconds / (batches.Count * size);
                results.Add((size, name, micros));
            }

            // The batch's queue message: put by the accept, got and deleted by the worker. Done together, so the queue
            // stays as short as the send path keeps it (Azurite sorts every waiting message on each call).
            await Step("queue put, get, delete", async i =>
            {
                await queue.PutAsync(new OutboundWork(batches[i].Select(m => m.Id).ToList()).ToJson());
                var got = (await queue.GetAsync(1, TimeSpan.FromMinutes(10)))[0];
                await queue.DeleteAsync(got.MessageId, got.PopReceipt);
            });
            // Accept: one insert transaction. Worker: read the rows, record the attempt, record the outcome and the wamid pointers.
            await Step("insert MESSAGE rows", i => Task.WhenAll(batches[i].GroupBy(m => MessageKeys.MessagePartition(m.Id))
                .Select(partition => store.InsertAllAsync(partition.ToList(), CancellationToken.None)))); // as AcceptBatcher does
            await Step("read rows", async i => rows[i] = await store.FindAllAsync(batches[i].Select(m => m.Id).ToList(), CancellationToken.None));
            await Step("update to sending", async i => sending[i] = await store.TryUpdateAllAsync(
                rows[i].Values.Select(r => (r.Message with { Status = MessageStatus.Sending, Attempts = 1, AttemptStartedAt = DateTimeOffset.UtcNow }, r.ETag)).ToList(),
                CancellationToken.None));
            await Step("update to sent", i => store.TryUpdateAllAsync(
                rows[i].Values.Zip(sending[i]).Select(p => (p.First.Message with { Status = MessageStatus.Sent, Wamid = WamidOf(p.First.Message.Id), SentAt = DateTimeOffset.UtcNow }, p.Second!)).ToList(),
                CancellationToken.None));
            await Step("wamid pointers", i => store.IndexWamidsAsync(
                batches[i].Select(m => (WamidOf(m.Id), m.Id)).ToList(), CancellationToken.None));
        }

        Machine.PrintHeading("storage floor", $"the queued send path's storage calls for {count} messages per batch size, {Concurrency} batches in flight, Azurite (in-memory) alone; load average at start: {loadBefore}",
            "messages per batch", "step", "Azurite CPU µs per message");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Batch} | {r.Step} | {r.MicrosPerMessage:F0} |"));
        foreach (var size in sizes)
        {
            var total = results.Where(r => r.Batch == size).Sum(r => r.MicrosPerMessage);
            // µs per message × 1,000 messages/s = µs of CPU per second; a tenth of that is the percentage of one core.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size} | **all steps** (Azurite's one event loop {total / 10:F0}% busy at 1,000 sends/s) | **{total:F0}** |"));
        }
        return 0;
    }

    private static MessageRecord NewMessage(DateTimeOffset createdAt)
    {
        var id = Guid.CreateVersion7(createdAt).ToString("N");
        return new MessageRecord(id, MessageDirection.Outbound, Sender, "+15557000000", "text", MessageStatus.Queued,
            $$"""{"messaging_product":"whatsapp","to":"+15557000000","type":"text","text":{"body":"Benchmark message"},"biz_opaque_callback_data":"whatsapphub:{{id}}"}""",
            createdAt, createdAt);
    }

    private static string WamidOf(string id) => "wamid.HBgL" + id;
}
