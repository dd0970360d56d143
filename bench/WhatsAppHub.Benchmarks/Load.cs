using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Benchmarks;

/// <summary>What one phase measured.</summary>
public sealed record PhaseResult(
    string Name, int Offered, int Accepted, IReadOnlyDictionary<int, int> Refused, double AcceptsPerSecond, double AcceptP50Ms, double AcceptP99Ms,
    double EndToEndPerSecond, double SteadyPerSecond, double UnderLoadPerSecond, CpuUse Cpu, int Sent, int Failed, int Lost, int Duplicates, TimeSpan Duration, bool TimedOut, string? FirstError,
    PhaseKind Kind = PhaseKind.AcceptAndSend);

/// <summary>Which half of the path a phase measured: both, only accepting (the hub's pumps off), or only sending a backlog.</summary>
public enum PhaseKind
{
    AcceptAndSend,
    AcceptOnly,
    Backlog,
}

/// <summary>CPU milliseconds per accepted message, by process.</summary>
public sealed record CpuUse(double Hub, double Azurite, double Sandbox, double Load);

/// <summary>
/// One benchmark phase: <c>count</c> text messages posted by <c>callers</c> concurrent callers to the queued path, then
/// timed until the outbound queue is empty (every message sent or failed) or the drain deadline (counted from the last
/// accept) passes. Accounting reads back every MESSAGE row (lost = accepted but not sent or failed) and what the sandbox accepted per message
/// (duplicates = extra sandbox-accepted sends carrying one message's <c>whatsapphub:{id}</c> callback data).
/// </summary>
public sealed class Load(ServiceProcess hub, Process azurite, ServiceProcess sandboxProcess, HttpClient sandbox, TableService tables, QueueService queues, TimeSpan drainDeadline)
{
    public const string PhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef";
    public const int Recipients = 1000;

    public static string Recipient(int i) => $"+1555{7000000 + i % Recipients}";

    /// <summary>Closed loop: <paramref name="callers"/> callers, each posting its next message when the last is answered.</summary>
    public Task<PhaseResult> RunAsync(string name, int count, int callers, bool send = true) =>
        MeasureAsync(name, count, callers, send, async (post, ct) =>
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count) await post(i, Stopwatch.GetTimestamp());
            }));
        });

    /// <summary>
    /// Open loop: message i is due at start + i / <paramref name="perSecond"/>, whatever the answers to earlier ones, so
    /// the accept latency shows the hub at that offered rate rather than queueing behind a saturated machine. Latency
    /// counts from the due time, so a load generator that falls behind shows up in it instead of hiding.
    /// </summary>
    public Task<PhaseResult> RunOpenAsync(string name, int count, int perSecond, bool send = true) =>
        MeasureAsync(name, count, 256, send, async (post, ct) =>
        {
            var inFlight = new List<Task>(count);
            var start = Stopwatch.GetTimestamp();
            var ticksPerMessage = Stopwatch.Frequency / (double)perSecond;
            var i = 0;
            while (i < count)
            {
                var now = Stopwatch.GetTimestamp();
                for (; i < count && start + (long)(i * ticksPerMessage) <= now; i++) inFlight.Add(post(i, start + (long)(i * ticksPerMessage)));
                if (i < count) await Task.Delay(1, ct);
            }
            await Task.WhenAll(inFlight);
        });

    /// <summary>Messages accepted by phases run with <c>send: false</c> (a hub whose pumps are off), for <see cref="RunBacklogAsync"/>.</summary>
    public List<string> Backlog { get; } = [];

    /// <summary>
    /// Times this hub (its pumps on) sending the <paramref name="backlog"/> another hub accepted with its pumps off: from
    /// now until the outbound queue is empty, then the same accounting as the other phases.
    /// </summary>
    public async Task<PhaseResult> RunBacklogAsync(string name, IReadOnlyList<string> backlog)
    {
        var cpuBefore = Cpu();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var result = await AccountAsync(name, backlog.Count, backlog.ToList(), [], null, cpuBefore, startedAt, clock, TimeSpan.Zero);
        return result with { Kind = PhaseKind.Backlog };
    }

    private async Task<PhaseResult> MeasureAsync(string name, int count, int connections, bool send, Func<Func<int, long, Task>, CancellationToken, Task> offer)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(hub.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("x-functions-key", ServiceProcess.HubApiKey);

        var latencies = new double[count];
        var ids = new string?[count];
        var statuses = new int[count];
        string? firstError = null;
        var cpuBefore = Cpu();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await offer(async (i, due) =>
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/messages",
                    new { to = Recipient(i), type = "text", text = new { body = $"{name} message {i}" } });
                latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                statuses[i] = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.Accepted)
                    ids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                statuses[i] = 0; // no answer
                Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message} {e.InnerException?.Message} after {latencies[i]:F0} ms", null);
            }
        }, CancellationToken.None);
        var acceptedIn = clock.Elapsed;
        var accepted = ids.Where(id => id is not null).Select(id => id!).ToList();
        Array.Sort(latencies);
        if (!send)
        {
            Backlog.AddRange(accepted);
            var cpu = Cpu();
            var perAccept = Math.Max(1, accepted.Count);
            return new PhaseResult(name, count, accepted.Count, Refusals(statuses), count / acceptedIn.TotalSeconds,
                Machine.Percentile(latencies, 0.50), Machine.Percentile(latencies, 0.99), 0, 0, 0,
                new CpuUse((cpu.Hub - cpuBefore.Hub) / perAccept, (cpu.Azurite - cpuBefore.Azurite) / perAccept,
                    (cpu.Sandbox - cpuBefore.Sandbox) / perAccept, (cpu.Load - cpuBefore.Load) / perAccept),
                0, 0, 0, 0, acceptedIn, false, firstError, PhaseKind.AcceptOnly);
        }
        return await AccountAsync(name, count, accepted, statuses, latencies, cpuBefore, startedAt, clock, acceptedIn, firstError);
    }

    private static Dictionary<int, int> Refusals(int[] statuses) =>
        statuses.Where(s => s != (int)HttpStatusCode.Accepted).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Waits until the outbound queue is empty (or the drain deadline), then reads back what became of each accepted message.</summary>
    private async Task<PhaseResult> AccountAsync(string name, int count, List<string> accepted, int[] statuses, double[]? sortedLatencies,
        (double Hub, double Azurite, double Sandbox, double Load) cpuBefore, DateTimeOffset startedAt, Stopwatch clock, TimeSpan acceptedIn,
        string? firstError = null)
    {
        // Hidden (retrying) messages count in the queue's approximate length, so empty means every message is final.
        var outbound = queues.GetQueue(HubQueues.Outbound);
        var drained = Stopwatch.StartNew();
        while (await outbound.GetApproximateLengthAsync() > 0 && drained.Elapsed < drainDeadline) await Task.Delay(100);
        var timedOut = drained.Elapsed >= drainDeadline;
        var doneIn = clock.Elapsed;
        var cpuAfter = Cpu();

        var rows = await RowsAsync(accepted);
        var sends = await SandboxSendsAsync();
        var sent = accepted.Count(id => rows.GetValueOrDefault(id).Status is "sent" or "delivered" or "read");
        var failed = accepted.Count(id => rows.GetValueOrDefault(id).Status == "failed");
        var duplicates = accepted.Sum(id => Math.Max(0, sends.GetValueOrDefault(MessageRecord.CallbackPrefix + id) - 1));
        // Sustained rate: final messages over the time from the first request to the last row reaching its outcome.
        var finals = accepted.Select(id => rows.GetValueOrDefault(id)).Where(r => r.Status is not (null or "queued" or "sending")).Select(r => r.UpdatedAt).ToList();
        var lastFinal = finals.DefaultIfEmpty(startedAt).Max();
        // Steady rate: the same over the time from the first outcome to the last, without the pump's pick-up after an
        // idle spell (it polls an empty queue at most once a second) and the pipeline filling.
        var firstFinal = finals.DefaultIfEmpty(startedAt).Min();
        var span = Math.Max(0.001, (lastFinal - startedAt).TotalSeconds);
        // Under load: outcomes reached while requests were still being offered, per second of offering. Retried messages
        // wait out their back-off after the load ends; this is the rate the path keeps up with while it is loaded.
        var loadEnd = startedAt + acceptedIn;
        var underLoad = finals.Count(t => t <= loadEnd) / Math.Max(0.001, acceptedIn.TotalSeconds);

        var perMessage = Math.Max(1, accepted.Count);
        var latencies = sortedLatencies ?? [];
        return new PhaseResult(name, count, accepted.Count, Refusals(statuses),
            acceptedIn > TimeSpan.Zero ? count / acceptedIn.TotalSeconds : 0, Machine.Percentile(latencies, 0.50), Machine.Percentile(latencies, 0.99),
            (sent + failed) / span, (sent + failed) / Math.Max(0.001, (lastFinal - firstFinal).TotalSeconds), underLoad,
            new CpuUse((cpuAfter.Hub - cpuBefore.Hub) / perMessage, (cpuAfter.Azurite - cpuBefore.Azurite) / perMessage,
                (cpuAfter.Sandbox - cpuBefore.Sandbox) / perMessage, (cpuAfter.Load - cpuBefore.Load) / perMessage),
            sent, failed, accepted.Count - sent - failed, duplicates, doneIn, timedOut, firstError);
    }

    private (double Hub, double Azurite, double Sandbox, double Load) Cpu()
    {
        azurite.Refresh();
        using var self = Process.GetCurrentProcess();
        return (hub.CpuTime.TotalMilliseconds, azurite.TotalProcessorTime.TotalMilliseconds, sandboxProcess.CpuTime.TotalMilliseconds,
            self.TotalProcessorTime.TotalMilliseconds);
    }

    private async Task<Dictionary<string, (string? Status, DateTimeOffset UpdatedAt)>> RowsAsync(List<string> ids)
    {
        var rows = new Dictionary<string, (string?, DateTimeOffset)>(StringComparer.Ordinal);
        if (ids.Count == 0) return rows;
        // Message ids are version-7 GUIDs (time ordered) and MESSAGE rows are partitioned by a prefix of the id with the
        // id as RowKey, so one key range holds every message of the phase.
        var (first, last) = (ids.Min(StringComparer.Ordinal)!, ids.Max(StringComparer.Ordinal)!);
        var query = new TableQuery
        {
            Filter = $"PartitionKey ge '{MessageKeys.MessagePartition(first)}' and PartitionKey le '{MessageKeys.MessagePartition(last)}' " +
                     $"and RowKey ge '{first}' and RowKey le '{last}'",
            Select = ["messageId", "status", "updatedAt"],
            Top = 1000,
        };
        var table = tables.GetTable(HubTables.Messages);
        while (true)
        {
            var page = await table.QueryAsync(query);
            foreach (var row in page.Rows)
                rows[row.GetString("messageId")!] = (row.GetString("status"), row.GetDateTimeOffset("updatedAt") ?? DateTimeOffset.MinValue);
            if (page.Continuation is null) return rows;
            query = new TableQuery { Filter = query.Filter, Select = query.Select, Top = query.Top, Continuation = page.Continuation };
        }
    }

    /// <summary>How many times the sandbox accepted each message, by the callback data the hub put on it.</summary>
    private async Task<Dictionary<string, int>> SandboxSendsAsync()
    {
        var tally = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/sends/by-callback-data");
        if (tally.GetProperty("untracked").GetInt64() > 0) throw new InvalidOperationException("The sandbox's send tally overflowed; run fewer messages.");
        return tally.GetProperty("counts").Deserialize<Dictionary<string, int>>() ?? [];
    }
}
