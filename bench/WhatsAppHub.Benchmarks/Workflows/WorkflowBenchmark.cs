using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Workflows;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks.Workflows;

/// <summary>
/// <c>./bench.sh workflows [instances] [steps]</c>: workflow transitions per second on one hub instance. Welcome-sequence
/// instances with no delays are started straight into the runner's table and queue (as the inbound path starts them);
/// the hub drains <c>workflows</c>, each transition sending one step through the queued send path to the sandbox, until
/// every instance has completed. Counts come from the table (completed instances) and the sandbox (each step's message
/// accepted once).
/// </summary>
public static class WorkflowBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var instances = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
        var steps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        if (instances is < 1 or > 50_000 || steps is < 1 or > WelcomeSequenceRules.MaxSteps)
        {
            Console.Error.WriteLine($"usage: ./bench.sh workflows [instances, 1-50000] [steps per instance, 1-{WelcomeSequenceRules.MaxSteps}]");
            return 2;
        }
        var loadBefore = Machine.LoadAverage();

        await using var azurite = new AzuriteProcess { AccessLog = false };
        await azurite.InitializeAsync();
        await using var sandboxProcess = await ServiceProcess.StartSandboxAsync(new Dictionary<string, string> { ["Statuses"] = "" });
        using var sandbox = new HttpClient { BaseAddress = new Uri(sandboxProcess.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await using var hub = await ServiceProcess.StartHubAsync(azurite.ConnectionString, sandboxProcess.BaseUrl, new Dictionary<string, string>
        {
            ["Outbound:RatePerSecond"] = "1000",
            ["Outbound:EnforceServiceWindow"] = "false", // the contacts "clicked an ad": their window is open
        });

        var storage = StorageConnection.Parse(azurite.ConnectionString);
        var tables = new TableService(storage);
        var store = new WorkflowStore(tables);
        var runner = new WorkflowRunner(store, new QueueService(storage), new WorkflowDefinitions([new WelcomeSequenceWorkflow()], []),
            TimeProvider.System, NullLogger<WorkflowRunner>.Instance);

        await RunPhaseAsync("warm-up", Math.Min(500, instances), steps, runner, tables, sandbox, hub, azurite);
        var result = await RunPhaseAsync("measured", instances, steps, runner, tables, sandbox, hub, azurite);

        Machine.PrintHeading("workflow benchmark", $"{instances} WelcomeSequence instances of {steps} steps without delays (one send per transition) on ONE hub instance; " +
            $"hub, sandbox and Azurite (in-memory) as processes of their own; load average at start: {loadBefore}",
            "transitions", "started in", "all completed after", "transitions/s", "CPU ms/transition: hub / Azurite", "sends", "duplicates", "not completed");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {result.Transitions} | {result.StartedIn.TotalSeconds:F1} s | {result.Elapsed.TotalSeconds:F1} s | {result.Transitions / result.Elapsed.TotalSeconds:F0} | " +
            $"{result.HubCpu.TotalMilliseconds / result.Transitions:F2} / {result.AzuriteCpu.TotalMilliseconds / result.Transitions:F2} | {result.Sends} | {result.Duplicates} | {result.NotCompleted} |"));
        return result.NotCompleted == 0 && result.Duplicates == 0 ? 0 : 1;
    }

    private sealed record PhaseResult(int Transitions, TimeSpan StartedIn, TimeSpan Elapsed, TimeSpan HubCpu, TimeSpan AzuriteCpu, int Sends, int Duplicates, int NotCompleted);

    private static async Task<PhaseResult> RunPhaseAsync(string phase, int instances, int steps, WorkflowRunner runner, TableService tables,
        HttpClient sandbox, ServiceProcess hub, AzuriteProcess azurite)
    {
        var sequenceName = $"bench-{phase}-{Guid.NewGuid().ToString("N")[..6]}";
        var sequence = new WelcomeSequence(sequenceName,
            Enumerable.Range(1, steps).Select(i => new WelcomeStep(0, new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "text", ["text"] = new System.Text.Json.Nodes.JsonObject { ["body"] = $"Welcome, step {i}" },
            })).ToList(), [], true, WelcomeSequence.Stop, [], null);
        var before = await SandboxSendsAsync(sandbox);
        var completedBefore = await CountCompletedAsync(tables);
        var hubCpu = hub.CpuTime;
        var azuriteCpu = Process.GetProcessById(azurite.Process.Id).TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var waId = "4477" + (20_000_000 + i).ToString(CultureInfo.InvariantCulture);
            await runner.StartAsync(WelcomeSequenceWorkflow.InstanceId(Load.PhoneNumberId, waId, sequenceName),
                WelcomeSequenceWorkflow.Input(Load.PhoneNumberId, waId, sequence, null), $"bench:{i}", ct);
        });
        var startedIn = clock.Elapsed;

        // Cheap polling first (the sandbox's tally of sends), so the measurement does not load Azurite with scans;
        // then the table confirms every instance completed.
        var expected = instances * steps;
        var beforeSends = before.Sum(p => p.Value);
        var deadline = TimeSpan.FromSeconds(120 + expected / 20);
        while (clock.Elapsed < deadline && (await SandboxSendsAsync(sandbox)).Sum(p => p.Value) - beforeSends < expected) await Task.Delay(200);
        var completed = 0;
        while (clock.Elapsed < deadline)
        {
            completed = await CountCompletedAsync(tables) - completedBefore;
            if (completed >= instances) break;
            await Task.Delay(500);
        }
        var elapsed = clock.Elapsed;
        var hubUsed = hub.CpuTime - hubCpu;
        var azuriteUsed = Process.GetProcessById(azurite.Process.Id).TotalProcessorTime - azuriteCpu;
        await Task.Delay(1000); // a duplicate would arrive late
        var after = await SandboxSendsAsync(sandbox);
        var sends = after.Sum(p => p.Value) - beforeSends;
        var duplicates = after.Sum(p => Math.Max(0, p.Value - 1)) - before.Sum(p => Math.Max(0, p.Value - 1));
        Console.WriteLine($"{phase}: {completed}/{instances} completed in {elapsed.TotalSeconds:F1} s, {sends} sends, {duplicates} duplicates");
        return new PhaseResult(instances * steps, startedIn, elapsed, hubUsed, azuriteUsed, sends, duplicates, instances - completed);
    }

    /// <summary>Completed instances of all phases so far (each phase counts its own as the growth).</summary>
    private static async Task<int> CountCompletedAsync(TableService tables)
    {
        var table = tables.GetTable(HubTables.Workflows);
        var count = 0;
        TableContinuation? continuation = null;
        do
        {
            var page = await table.QueryAsync(new TableQuery
            {
                PartitionKey = WorkflowKeys.InstancePartition(WelcomeSequenceWorkflow.TypeName),
                Filter = TableFilter.Equal("status", WorkflowStatus.Completed),
                Select = ["status"],
                Continuation = continuation,
            });
            count += page.Rows.Count;
            continuation = page.Continuation;
        } while (continuation is not null);
        return count;
    }

    private static async Task<Dictionary<string, int>> SandboxSendsAsync(HttpClient sandbox)
    {
        var tally = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/sends/by-callback-data");
        return tally.GetProperty("counts").Deserialize<Dictionary<string, int>>() ?? [];
    }
}
