using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks;

/// <summary>
/// <c>./bench.sh [send] [messages per phase] [concurrent callers] [open-loop rate per second]</c>: the queued send path
/// end to end (accept, queue, governor, EUM call to the sandbox, outcome), clean and with 20% retryable failures.
/// </summary>
public static class SendBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;
        var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
        if (count is < 1 or > 200_000 || callers is < 1 or > 512 || rate is < 1 or > 20_000)
        {
            Console.Error.WriteLine("usage: ./bench.sh [send] [messages per phase, 1-200000] [concurrent callers, 1-512] [open-loop rate per second, 1-20000]");
            return 2;
        }
        var loadBefore = Machine.LoadAverage(); // what else the machine was doing when the run began
        // Bounded in time as well as in count: a phase that has not drained by then reports what is left as lost.
        var drainDeadline = TimeSpan.FromSeconds(Math.Min(600, 180 + count / 100));

        // Everything below listens on 127.0.0.1 only and is stopped by the disposals, even when a phase fails.
        await using var azurite = new AzuriteProcess { AccessLog = false };
        await azurite.InitializeAsync();
        // Statuses off: each would post webhooks back to the hub, whose inbound path is not what this measures.
        await using var sandboxProcess = await ServiceProcess.StartSandboxAsync(new Dictionary<string, string> { ["Statuses"] = "" });
        using var sandbox = new HttpClient { BaseAddress = new Uri(sandboxProcess.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var storage = StorageConnection.Parse(azurite.ConnectionString);
        var tables = new TableService(storage);
        var conversations = new ConversationStore(tables);
        var hubSettings = new Dictionary<string, string>
        {
            ["Outbound:RatePerSecond"] = "1000", // Meta's highest per-number tier
        };

        var results = new List<PhaseResult>();
        List<string> backlog;
        // The two halves apart first: a hub with its pumps off (as when other instances or the Functions host send)
        // accepts at the offered rate, then another with its pumps on sends what it left on the queue.
        await using (var acceptor = await ServiceProcess.StartHubAsync(azurite.ConnectionString, sandboxProcess.BaseUrl,
            new Dictionary<string, string>(hubSettings) { ["Outbound:RunPumps"] = "false" }))
        {
            // Every recipient has written in the last 24 hours, so free-form text may go to each (into the tables the hub made).
            await Parallel.ForAsync(0, Load.Recipients, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
                await conversations.RecordInboundAsync(Load.PhoneNumberId, RecipientRules.ToWaId(Load.Recipient(i)), DateTimeOffset.UtcNow, ct));
            var accepting = new Load(acceptor, Process.GetProcessById(azurite.Process.Id), sandboxProcess, sandbox, tables, new QueueService(storage), drainDeadline);
            await accepting.RunAsync("warm-up", Math.Min(6_000, count), callers, send: false);
            results.Add(await accepting.RunOpenAsync($"accept only (pumps off), open loop ({rate}/s offered)", count, rate, send: false));
            backlog = accepting.Backlog;
        }

        await using var hub = await ServiceProcess.StartHubAsync(azurite.ConnectionString, sandboxProcess.BaseUrl, hubSettings);
        var load = new Load(hub, Process.GetProcessById(azurite.Process.Id), sandboxProcess, sandbox, tables, new QueueService(storage), drainDeadline);
        results.Add(await load.RunBacklogAsync($"send only: the backlog of {backlog.Count} (pumps on)", backlog));
        // Long enough for the hub's tiered JIT to settle (a profile showed it compiling for about 7 s from the first send);
        // shorter warm-ups charge start-up compilation to the first measured phase.
        await load.RunAsync("warm-up", Math.Min(6_000, count), callers);
        results.Add(await load.RunAsync($"clean, closed loop ({callers} callers)", count, callers));
        results.Add(await load.RunOpenAsync($"clean, open loop ({rate}/s offered)", count, rate));
        using (var faults = await sandbox.PutAsJsonAsync("/sandbox/faults", new
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
        results.Add(await load.RunAsync($"20% retryable EUM failures, closed loop ({callers} callers)", count, callers));

        Machine.PrintHeading("send benchmark", $"queued path (POST /api/messages, text), {count} messages per phase; hub, sandbox and Azurite (in-memory) as processes of their own on this machine; load average at start: {loadBefore}",
            "phase", "accepted", "accepts/s", "accept p50", "accept p99", "sends/s under load", "end-to-end sends/s", "steady sends/s", "all final after", "CPU ms/msg: hub / Azurite / sandbox / load", "sent", "failed", "lost", "duplicates");
        foreach (var r in results) Console.WriteLine(Row(r));
        Console.WriteLine();
        foreach (var r in results.Where(r => r.Refused.Count > 0))
            Console.WriteLine($"{r.Name}: not accepted: {string.Join(", ", r.Refused.Select(p => $"{p.Value} x {(p.Key == 0 ? "no answer" : "HTTP " + p.Key)}"))}{(r.FirstError is null ? "" : "; first: " + r.FirstError)}");
        foreach (var r in results.Where(r => r.TimedOut))
            Console.WriteLine($"{r.Name}: the queue had not drained {drainDeadline.TotalSeconds:F0} s after the last accept; unfinished messages are counted as lost.");
        return results.All(r => r.Lost == 0 && r.Duplicates == 0 && r.Accepted == r.Offered) ? 0 : 1;
    }

    /// <summary>One table row; "—" where the phase did not measure a column (no sends with the pumps off, no accepts in a backlog).</summary>
    private static string Row(PhaseResult r)
    {
        const string none = "—";
        var accepts = r.Kind == PhaseKind.Backlog;
        var sends = r.Kind == PhaseKind.AcceptOnly;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {r.Name} | {(accepts ? none : $"{r.Accepted}/{r.Offered}")} | {(accepts ? none : $"{r.AcceptsPerSecond:F0}")} | {(accepts ? none : $"{r.AcceptP50Ms:F1} ms")} | {(accepts ? none : $"{r.AcceptP99Ms:F1} ms")} | "
            + $"{(sends || accepts ? none : $"{r.UnderLoadPerSecond:F0}")} | {(sends ? none : $"{r.EndToEndPerSecond:F0}")} | {(sends ? none : $"{r.SteadyPerSecond:F0}")} | {(sends ? none : $"{r.Duration.TotalSeconds:F1} s")} | "
            + $"{r.Cpu.Hub:F2} / {r.Cpu.Azurite:F2} / {r.Cpu.Sandbox:F2} / {r.Cpu.Load:F2} | {(sends ? none : $"{r.Sent}")} | {(sends ? none : $"{r.Failed}")} | {(sends ? none : $"{r.Lost}")} | {(sends ? none : $"{r.Duplicates}")} |");
    }
}
