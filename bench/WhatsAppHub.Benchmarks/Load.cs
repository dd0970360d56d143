using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Benchmarks;

/// <summary>What one phase measured.</summary>
public sealed record PhaseResult(
    string Name, int Offered, int Accepted, double AcceptsPerSecond, double AcceptP50Ms, double AcceptP99Ms,
    double EndToEndPerSecond, double HubCpuMsPerMessage, int Sent, int Failed, int Lost, int Duplicates, TimeSpan Duration);

/// <summary>
/// One benchmark phase: <c>count</c> text messages posted by <c>concurrency</c> callers to the queued path, then timed
/// until the outbound queue is empty (every message sent or failed). Accounting reads back every MESSAGE row (lost =
/// accepted but not final) and what the sandbox accepted per message (duplicates = extra sends of one message).
/// </summary>
public sealed class Load(HubProcess hub, HttpClient sandbox, TableService tables, QueueService queues)
{
    public const string PhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef";
    public const int Recipients = 1000;

    public static string Recipient(int i) => $"+1555{7000000 + i % Recipients}";

    public async Task<PhaseResult> RunAsync(string name, int count, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(hub.BaseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("x-functions-key", HubProcess.ApiKey);

        var latencies = new double[count];
        var ids = new string?[count];
        var next = -1;
        var cpuBefore = hub.CpuTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/messages",
                    new { to = Recipient(i), type = "text", text = new { body = $"{name} message {i}" } });
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.Accepted)
                    ids[i] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            }
        }));
        var acceptedIn = clock.Elapsed;

        var outbound = queues.GetQueue(HubQueues.Outbound);
        var deadline = TimeSpan.FromMinutes(15);
        while (await outbound.GetApproximateLengthAsync() > 0 && clock.Elapsed < deadline) await Task.Delay(100);
        var doneIn = clock.Elapsed;
        var cpu = hub.CpuTime - cpuBefore;

        var accepted = ids.Where(id => id is not null).Select(id => id!).ToList();
        var statuses = await StatusesAsync(accepted);
        var sends = await SandboxSendsAsync();
        var sent = accepted.Count(id => statuses.GetValueOrDefault(id) is "sent" or "delivered" or "read");
        var failed = accepted.Count(id => statuses.GetValueOrDefault(id) == "failed");
        var duplicates = accepted.Sum(id => Math.Max(0, sends.GetValueOrDefault(MessageRecord.CallbackPrefix + id) - 1));

        Array.Sort(latencies);
        return new PhaseResult(name, count, accepted.Count, count / acceptedIn.TotalSeconds,
            Percentile(latencies, 0.50), Percentile(latencies, 0.99),
            accepted.Count / doneIn.TotalSeconds, cpu.TotalMilliseconds / Math.Max(1, accepted.Count),
            sent, failed, accepted.Count - sent - failed, duplicates, doneIn);
    }

    private async Task<Dictionary<string, string?>> StatusesAsync(List<string> ids)
    {
        var statuses = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (ids.Count == 0) return statuses;
        var table = tables.GetTable(HubTables.Messages);
        var query = new TableQuery
        {
            Filter = TableFilter.Range("PartitionKey", "MSG|" + ids.Min(StringComparer.Ordinal), "MSG|" + ids.Max(StringComparer.Ordinal) + "~") +
                     " and " + TableFilter.Equal("RowKey", "MESSAGE"),
            Select = ["messageId", "status"],
            Top = 1000,
        };
        while (true)
        {
            var page = await table.QueryAsync(query);
            foreach (var row in page.Rows) statuses[row.GetString("messageId")!] = row.GetString("status");
            if (page.Continuation is null) return statuses;
            query = new TableQuery { Filter = query.Filter, Select = query.Select, Top = query.Top, Continuation = page.Continuation };
        }
    }

    /// <summary>How many times the sandbox accepted each message, by the callback data the hub put on it.</summary>
    private async Task<Dictionary<string, int>> SandboxSendsAsync() =>
        await sandbox.GetFromJsonAsync<Dictionary<string, int>>("/sandbox/stats/sends?by=biz_opaque_callback_data") ?? [];

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
