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
        await using var hub = await ServiceProcess.StartHubAsync(azurite.ConnectionString, sandbox.BaseUrl, new Dictionary<string, string>
        {
            ["Sns:AllowedTopicArns"] = SignedEvents.TopicArn,
            ["Sns:TrustedTestCertificateHost"] = new Uri(certificateServer.BaseUrl).Authority,
        });

        var storage = StorageConnection.Parse(azurite.ConnectionString);
        var load = new InboundLoad(hub, Process.GetProcessById(azurite.Process.Id), sandbox, new TableService(storage), new QueueService(storage), drainDeadline);
        var events = new SignedEvents(certificate, certificateServer.BaseUrl + "/certificate.pem");
        await load.RunAsync("warm-up", events.Make("warm-up", 0, Math.Min(6_000, count)), callers);
        var closed = events.Make("closed", 0, count);
        var open = events.Make("open", 0, count);
        var results = new List<InboundPhaseResult>
        {
            await load.RunAsync($"closed loop ({callers} callers)", closed, callers),
            await load.RunOpenAsync($"open loop ({rate}/s offered)", open, rate),
        };

        Console.WriteLine();
        Console.WriteLine($"WhatsAppHub inbound benchmark, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Machine.Description}");
        Console.WriteLine($"POST /api/eum/events (SNS SignatureVersion 2; half contacts' texts, half statuses), {count} events per phase; hub, sandbox and Azurite (in-memory) as processes of their own on this machine; load average at start: {loadBefore}");
        Console.WriteLine();
        Console.WriteLine("| phase | accepted | accepts/s | accept p50 | accept p99 | processed/s under load | end-to-end processed/s | all processed after | CPU ms/event: hub / Azurite / sandbox / load | processed | unprocessed |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Accepted}/{r.Offered} | {r.AcceptsPerSecond:F0} | {r.AcceptP50Ms:F1} ms | {r.AcceptP99Ms:F1} ms | {r.ProcessedUnderLoadPerSecond:F0} | {r.EndToEndPerSecond:F0} | {r.AllProcessedAfter.TotalSeconds:F1} s | {r.Cpu.Hub:F2} / {r.Cpu.Azurite:F2} / {r.Cpu.Sandbox:F2} / {r.Cpu.Load:F2} | {r.Processed} | {r.Unprocessed} |"));
        }
        Console.WriteLine();
        foreach (var r in results.Where(r => r.Refused.Count > 0))
            Console.WriteLine($"{r.Name}: not accepted: {string.Join(", ", r.Refused.Select(p => $"{p.Value} x {(p.Key == 0 ? "no answer" : "HTTP " + p.Key)}"))}");
        foreach (var r in results.Where(r => r.TimedOut))
            Console.WriteLine($"{r.Name}: the inbound queue had not drained {drainDeadline.TotalSeconds:F0} s after the last accept.");
        return results.All(r => r.Unprocessed == 0 && r.Accepted == r.Offered) ? 0 : 1;
    }
}
