using System.Diagnostics;
using System.Net;
using System.Text;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Inbound;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Benchmarks.Inbound;

/// <summary>What one inbound phase measured; the processing figures are null when the hub's pumps were off.</summary>
public sealed record InboundPhaseResult(
    string Name, int Offered, int Accepted, IReadOnlyDictionary<int, int> Refused, double AcceptsPerSecond, double AcceptP50Ms, double AcceptP99Ms,
    double? ProcessedUnderLoadPerSecond, double? EndToEndPerSecond, TimeSpan? AllProcessedAfter, CpuUse Cpu, int? Processed, int? Unprocessed, bool TimedOut);

/// <summary>A backlog drained by a hub that accepts nothing meanwhile: processing capacity alone.</summary>
public sealed record DrainResult(string Name, int Events, double PerSecond, TimeSpan Duration, CpuUse Cpu, int Processed, bool TimedOut);

/// <summary>
/// One inbound phase: pre-signed SNS Notifications posted to <c>POST /api/eum/events</c> (closed loop by callers, or open
/// loop at a rate), then, when the hub processes (its pumps are on), timed until the <c>inbound</c> queue is empty.
/// Accounting reads back every stored row: processed = has <c>processedAt</c>; anything accepted and not processed by
/// the deadline is reported.
/// </summary>
public sealed class InboundLoad(ServiceProcess hub, bool processing, Process azurite, ServiceProcess sandbox, TableService tables, QueueService queues, TimeSpan drainDeadline)
{
    /// <summary>Times this hub draining what the <c>inbound</c> queue holds (accepted earlier, by a hub with its pumps off).</summary>
    public async Task<DrainResult> DrainAsync(string name, IReadOnlyCollection<string> messageIds)
    {
        var cpuBefore = Cpu();
        var clock = Stopwatch.StartNew();
        var timedOut = !await DrainedAsync();
        var duration = clock.Elapsed;
        var cpuAfter = Cpu();
        var processed = (await ProcessedAtAsync(messageIds.ToHashSet(StringComparer.Ordinal))).Count;
        return new DrainResult(name, messageIds.Count, processed / Math.Max(0.001, duration.TotalSeconds), duration,
            PerEvent(cpuBefore, cpuAfter, messageIds.Count), processed, timedOut);
    }

    public Task<InboundPhaseResult> RunAsync(string name, IReadOnlyList<(string MessageId, string Body)> events, int callers) =>
        MeasureAsync(name, events, callers, async post =>
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < events.Count) await post(i, Stopwatch.GetTimestamp());
            }));
        });

    /// <summary>Open loop: event i is due at start + i / <paramref name="perSecond"/>; latency counts from the due time.</summary>
    public Task<InboundPhaseResult> RunOpenAsync(string name, IReadOnlyList<(string MessageId, string Body)> events, int perSecond) =>
        MeasureAsync(name, events, 256, async post =>
        {
            var inFlight = new List<Task>(events.Count);
            var start = Stopwatch.GetTimestamp();
            var ticksPerEvent = Stopwatch.Frequency / (double)perSecond;
            var i = 0;
            while (i < events.Count)
            {
                var now = Stopwatch.GetTimestamp();
                for (; i < events.Count && start + (long)(i * ticksPerEvent) <= now; i++) inFlight.Add(post(i, start + (long)(i * ticksPerEvent)));
                if (i < events.Count) await Task.Delay(1);
            }
            await Task.WhenAll(inFlight);
        });

    private async Task<InboundPhaseResult> MeasureAsync(string name, IReadOnlyList<(string MessageId, string Body)> events, int connections,
        Func<Func<int, long, Task>, Task> offer)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(hub.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new double[events.Count];
        var statuses = new int[events.Count];
        var cpuBefore = Cpu();
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await offer(async (i, due) =>
        {
            try
            {
                using var content = new StringContent(events[i].Body, Encoding.UTF8, "text/plain");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/eum/events") { Content = content };
                request.Headers.Add("x-amz-sns-message-type", "Notification");
                using var response = await http.SendAsync(request);
                statuses[i] = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                statuses[i] = 0;
            }
            latencies[i] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
        });
        var acceptedIn = clock.Elapsed;

        var timedOut = processing && !await DrainedAsync();
        var doneIn = clock.Elapsed;
        var cpuAfter = Cpu();

        var accepted = Enumerable.Range(0, events.Count).Where(i => statuses[i] == (int)HttpStatusCode.OK).Select(i => events[i].MessageId).ToHashSet(StringComparer.Ordinal);
        Array.Sort(latencies);
        var refused = statuses.Where(s => s != (int)HttpStatusCode.OK).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        var acceptsPerSecond = events.Count / acceptedIn.TotalSeconds;
        var (p50, p99) = (Machine.Percentile(latencies, 0.50), Machine.Percentile(latencies, 0.99));
        var cpu = PerEvent(cpuBefore, cpuAfter, accepted.Count);
        if (!processing)
            return new InboundPhaseResult(name, events.Count, accepted.Count, refused, acceptsPerSecond, p50, p99, null, null, null, cpu, null, null, false);

        var processedAt = await ProcessedAtAsync(accepted);
        var loadEnd = startedAt + acceptedIn;
        return new InboundPhaseResult(name, events.Count, accepted.Count, refused, acceptsPerSecond, p50, p99,
            processedAt.Count(t => t <= loadEnd) / Math.Max(0.001, acceptedIn.TotalSeconds),
            processedAt.Count / Math.Max(0.001, (processedAt.DefaultIfEmpty(startedAt).Max() - startedAt).TotalSeconds), doneIn,
            cpu, processedAt.Count, accepted.Count - processedAt.Count, timedOut);
    }

    /// <summary>Waits until the <c>inbound</c> queue is empty (hidden messages count in its length); false at the deadline.</summary>
    private async Task<bool> DrainedAsync()
    {
        var inbound = queues.GetQueue(HubQueues.Inbound);
        var drained = Stopwatch.StartNew();
        while (await inbound.GetApproximateLengthAsync() > 0)
        {
            if (drained.Elapsed >= drainDeadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    private static CpuUse PerEvent((double Hub, double Azurite, double Sandbox, double Load) before, (double Hub, double Azurite, double Sandbox, double Load) after, int events)
    {
        var n = Math.Max(1, events);
        return new CpuUse((after.Hub - before.Hub) / n, (after.Azurite - before.Azurite) / n, (after.Sandbox - before.Sandbox) / n, (after.Load - before.Load) / n);
    }

    private (double Hub, double Azurite, double Sandbox, double Load) Cpu()
    {
        azurite.Refresh();
        using var self = Process.GetCurrentProcess();
        return (hub.CpuTime.TotalMilliseconds, azurite.TotalProcessorTime.TotalMilliseconds, sandbox.CpuTime.TotalMilliseconds,
            self.TotalProcessorTime.TotalMilliseconds);
    }

    /// <summary>When each accepted event was processed; rows of other phases and unprocessed rows are left out.</summary>
    private async Task<List<DateTimeOffset>> ProcessedAtAsync(HashSet<string> accepted)
    {
        var found = new List<DateTimeOffset>(accepted.Count);
        var table = tables.GetTable(HubTables.InboundEvents);
        var query = new TableQuery { Filter = "processedAt ge datetime'2000-01-01T00:00:00Z'", Select = ["messageId", "processedAt"], Top = 1000 };
        while (true)
        {
            var page = await table.QueryAsync(query);
            foreach (var row in page.Rows)
                if (row.GetString("messageId") is { } id && accepted.Contains(id) && row.GetDateTimeOffset("processedAt") is { } at) found.Add(at);
            if (page.Continuation is null) return found;
            query = new TableQuery { Filter = query.Filter, Select = query.Select, Top = query.Top, Continuation = page.Continuation };
        }
    }
}
