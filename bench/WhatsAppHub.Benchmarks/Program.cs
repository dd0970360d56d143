using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Benchmarks;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Testing;

// ./bench.sh [messages per phase] [concurrent callers]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;

await using var azurite = new AzuriteProcess();
await azurite.InitializeAsync();
// Statuses would post three webhooks per message back to the hub, whose inbound path is not what this measures.
await using var sandbox = await SandboxHost.StartAsync("StatusUpdates=", "DemoContactWritesFirst=false");
await using var hub = await HubProcess.StartAsync(azurite.ConnectionString, sandbox.BaseUrl, new Dictionary<string, string>
{
    ["Outbound:RatePerSecond"] = "1000",
    ["Outbound:Concurrency"] = "128",
});

var storage = StorageConnection.Parse(azurite.ConnectionString);
var tables = new TableService(storage);
var conversations = new ConversationStore(tables);
for (var i = 0; i < Load.Recipients; i++)
    await conversations.RecordInboundAsync(Load.PhoneNumberId, RecipientRules.ToWaId(Load.Recipient(i)), DateTimeOffset.UtcNow, CancellationToken.None);

var load = new Load(hub, sandbox.Http, tables, new QueueService(storage));
await load.RunAsync("warm-up", Math.Min(2_000, count), concurrency);

var results = new List<PhaseResult> { await load.RunAsync("clean", count, concurrency) };
using (var faults = await sandbox.Http.PutAsJsonAsync("/sandbox/faults", new
{
    seed = 42,
    rules = new object[]
    {
        // Rules are tried in order, each on the calls the ones before let through: 10% + 5% + 5% of all calls.
        new { fault = "throttled", rate = 0.10 },
        new { fault = "internal", rate = 0.05 / 0.90 },
        new { fault = "dependency", rate = 0.05 / 0.85 },
    },
}))
{
    faults.EnsureSuccessStatusCode();
}
results.Add(await load.RunAsync("20% retryable EUM failures", count, concurrency));

Console.WriteLine();
Console.WriteLine($"WhatsAppHub benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"queued path: {count} text messages per phase, {concurrency} concurrent callers, hub + sandbox + Azurite on this machine");
Console.WriteLine("| phase | accepted | accepts/s | accept p50 | accept p99 | end-to-end sends/s | hub CPU per message | sent | failed | lost | duplicates |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results)
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.Accepted}/{r.Offered} | {r.AcceptsPerSecond:F0} | {r.AcceptP50Ms:F1} ms | {r.AcceptP99Ms:F1} ms | {r.EndToEndPerSecond:F0} | {r.HubCpuMsPerMessage:F2} ms | {r.Sent} | {r.Failed} | {r.Lost} | {r.Duplicates} |"));
return results.All(r => r.Lost == 0 && r.Duplicates == 0) ? 0 : 1;
