using System.Diagnostics;
using System.Globalization;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Sandbox.Sns;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks.Inbound;

/// <summary>
/// <c>./bench.sh inbound [events per phase] [concurrent callers] [open-loop rate per second]</c>: the SNS bridge on one
/// hub instance: signed Notifications accepted by <c>POST /api/eum/events</c> (verify, store, queue) and processed from
/// the <c>inbound</c> queue (parse, apply, mark processed), clean. The signing certificate is served by this process,
/// which the hub is told to trust, as it trusts the sandbox's in local runs.
/// </summary>
public static class InboundBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
        var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3_000;
        if (count is < 1 or > 200_000 || callers is < 1 or > 512 || rate is < 1 or > 20_000)
        {
            Console.Error.WriteLine("usage: ./bench.sh inbound [events per phase, 1-200000] [concurrent callers, 1-512] [open-loop rate per second, 1-20000]");
            return 2;
        }
        var loadBefore = Machine.LoadAverage();
        var drainDeadline = TimeSpan.FromSeconds(Math.Min(600, 120 + count / 100));

        using var certificate = new SnsSigningCertificate(TimeProvider.System);
        await using var certificateServer = await CertificateServer.StartAsync(certificate.Pem);
        await using var azurite = new AzuriteProcess { AccessLog = false };
        await azurite.InitializeAsync();
        await using var sandbox = await ServiceProcess.StartSandboxAsync(new Dictionary<string, string> { ["Statuses"] = "" });
        var storage = StorageConnection.Parse(azurite.ConnectionString);
        var (tables, queues) = (new TableService(storage), new QueueService(storage));
        var azuriteProcess = Process.GetProcessById(azurite.Process.Id);
        var events = new SignedEvents(certificate, certificateServer.BaseUrl + "/certificate.pem");
        var settings = new Dictionary<string, string>
        {
            ["Sns:AllowedTopicArns"] = SignedEvents.TopicArn,
            ["Sns:TrustedTestCertificateHost"] = new Uri(certificateServer.BaseUrl).Authority,
        };

        // 1. Accepting alone: a hub whose pumps are off (as when the Functions host triggers on the queue elsewhere).
        var results = new List<InboundPhaseResult>();
        var backlog = new List<string>();
        await using (var acceptor = await ServiceProcess.StartHubAsync(azurite.ConnectionString, sandbox.BaseUrl,
            new Dictionary<string, string>(settings) { ["Inbound:RunPumps"] = "false" }))
        {
            var load = new InboundLoad(acceptor, processing: false, azuriteProcess, sandbox, tables, queues, drainDeadline);
            foreach (var (phase, run) in new (string, Func<IReadOnlyList<(string MessageId, string Body)>, Task<InboundPhaseResult>>)[]
            {
                ("warm-up", e => load.RunAsync("warm-up", e, callers)),
                ("accept-closed", e => load.RunAsync($"accept only, closed loop ({callers} callers)", e, callers)),
                ("accept-open", e => load.RunOpenAsync($"accept only, open loop ({rate}/s offered)", e, rate)),
            })
            {
                var batch = events.Make(phase, 0, phase == "warm-up" ? Math.Min(6_000, count) : count);
                backlog.AddRange(batch.Select(e => e.MessageId));
                var result = await run(batch);
                if (phase != "warm-up") results.Add(result);
            }
        }

        // 2. Processing alone: a hub with its pumps on drains that backlog; 3. both at once on the same hub.
        DrainResult drain;
        await using (var processor = await ServiceProcess.StartHubAsync(azurite.ConnectionString, sandbox.BaseUrl, settings))
        {
            var load = new InboundLoad(processor, processing: true, azuriteProcess, sandbox, tables, queues, drainDeadline);
            drain = await load.DrainAsync($"processing a backlog of {backlog.Count}", backlog);
            results.Add(await load.RunAsync($"accept and process, closed loop ({callers} callers)", events.Make("together", 0, count), callers));
        }

        Machine.PrintHeading("inbound benchmark", $"POST /api/eum/events (SNS SignatureVersion 2; half contacts' texts, half statuses), {count} events per phase; hub, sandbox and Azurite (in-memory) as processes of their own on this machine; load average at start: {loadBefore}",
            "phase", "accepted", "accepts/s", "accept p50", "accept p99", "processed/s under load", "end-to-end processed/s", "all processed after", "CPU ms/event: hub / Azurite / sandbox / load", "processed", "unprocessed");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Accepted}/{r.Offered} | {r.AcceptsPerSecond:F0} | {r.AcceptP50Ms:F1} ms | {r.AcceptP99Ms:F1} ms | {Figure(r.ProcessedUnderLoadPerSecond)} | {Figure(r.EndToEndPerSecond)} | {(r.AllProcessedAfter is { } after ? $"{after.TotalSeconds:F1} s" : "—")} | {r.Cpu.Hub:F2} / {r.Cpu.Azurite:F2} / {r.Cpu.Sandbox:F2} / {r.Cpu.Load:F2} | {Figure(r.Processed)} | {Figure(r.Unprocessed)} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {drain.Name} | — | — | — | — | — | {drain.PerSecond:F0} | {drain.Duration.TotalSeconds:F1} s | {drain.Cpu.Hub:F2} / {drain.Cpu.Azurite:F2} / {drain.Cpu.Sandbox:F2} / {drain.Cpu.Load:F2} | {drain.Processed} | {drain.Events - drain.Processed} |"));
        Console.WriteLine();
        foreach (var r in results.Where(r => r.Refused.Count > 0))
            Console.WriteLine($"{r.Name}: not accepted: {string.Join(", ", r.Refused.Select(p => $"{p.Value} x {(p.Key == 0 ? "no answer" : "HTTP " + p.Key)}"))}");
        foreach (var name in results.Where(r => r.TimedOut).Select(r => r.Name).Concat(drain.TimedOut ? [drain.Name] : []))
            Console.WriteLine($"{name}: the inbound queue had not drained {drainDeadline.TotalSeconds:F0} s after the last accept.");
        return results.All(r => r.Unprocessed is null or 0 && r.Accepted == r.Offered) && drain.Processed == drain.Events ? 0 : 1;
    }

    private static string Figure(double? value) => value is { } v ? v.ToString("F0", CultureInfo.InvariantCulture) : "—";
}
