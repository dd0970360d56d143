using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Azure.Tables;
using Xunit.Abstractions;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>
/// The issue's proof: with EUM throttling 20% of sends and failing 10% with 5xx, a few thousand queued messages all
/// end sent (with a wamid) or failed (with a reason); none is lost or stuck, and none went out twice.
/// </summary>
[Collection("Faults")]
public class ChaosRunTests(FaultsFixture fixture, ITestOutputHelper output)
{
    private const int MessageCount = 3_000;
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_message_ends_sent_or_failed_with_a_reason_none_lost_none_sent_twice()
    {
        // Rules are tried in order on what the ones before let through: 20% throttled, then 5% + 5% of all calls 5xx.
        await fixture.SetFaultsAsync("""
            {"seed":20240601,"rules":[
              {"fault":"throttled","rate":0.2},
              {"fault":"internal","rate":0.0625},
              {"fault":"dependency","rate":0.0667}
            ]}
            """);
        try
        {
            var clock = Stopwatch.StartNew();
            var ids = await AcceptAllAsync();
            var accepted = clock.Elapsed;
            var final = await WaitUntilFinalAsync(ids);
            output.WriteLine($"{MessageCount} accepted in {accepted.TotalSeconds:F1} s, all final after {clock.Elapsed.TotalSeconds:F1} s");

            var notFinal = ids.Where(id => !final.ContainsKey(id) || final[id].Status is not ("sent" or "failed")).ToList();
            Assert.True(notFinal.Count == 0, $"{notFinal.Count} messages lost or stuck, e.g. {string.Join(", ", notFinal.Take(5))}");
            Assert.All(final.Values.Where(m => m.Status == "sent"), m => Assert.StartsWith("wamid.", m.Wamid));
            Assert.All(final.Values.Where(m => m.Status == "failed"), m =>
            {
                Assert.False(string.IsNullOrEmpty(m.ErrorType));
                Assert.False(string.IsNullOrEmpty(m.ErrorDetail));
            });

            var accepts = (await fixture.SandboxCallsAsync())
                .Where(c => c.GetProperty("accepted").GetBoolean())
                .Select(c => (Callback: c.GetProperty("message").TryGetProperty("biz_opaque_callback_data", out var cb) ? cb.GetString() : null,
                    Wamid: c.GetProperty("messageId").GetString()))
                .Where(c => c.Callback is not null && ids.Contains(c.Callback["whatsapphub:".Length..]))
                .GroupBy(c => c.Callback!["whatsapphub:".Length..])
                .ToDictionary(g => g.Key, g => g.Select(c => c.Wamid).ToList());
            var twice = accepts.Where(a => a.Value.Count > 1).Select(a => a.Key).ToList();
            Assert.True(twice.Count == 0, $"{twice.Count} messages went out more than once, e.g. {string.Join(", ", twice.Take(5))}");
            foreach (var (id, message) in final.Where(f => f.Value.Status == "sent"))
                Assert.Equal(message.Wamid, Assert.Single(accepts[id])); // the wamid stored is the one the one accepted call got
            // A refused call sends nothing; only a failure whose answer never came (OutcomeUnknown) may have gone out, once.
            Assert.All(final.Where(f => f.Value.Status == "failed" && f.Value.ErrorType != "OutcomeUnknown"), f => Assert.False(accepts.ContainsKey(f.Key)));

            var retried = final.Values.Count(m => m.Attempts > 1);
            output.WriteLine($"sent {final.Values.Count(m => m.Status == "sent")}, failed {final.Values.Count(m => m.Status == "failed")}, retried {retried}");
            Assert.True(retried > MessageCount / 5, "the faults should have made many messages try again");
        }
        finally
        {
            (await fixture.Sandbox.Http.DeleteAsync("/sandbox/faults")).EnsureSuccessStatusCode();
        }
    }

    private async Task<HashSet<string>> AcceptAllAsync()
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForAsync(0, MessageCount, new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
        {
            using var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages/text",
                new { to = $"+1555200{i:0000}", text = new { body = $"chaos {i}" } }, ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!);
        });
        return ids.ToHashSet();
    }

    private sealed record Stored(string Status, string? Wamid, string? ErrorType, string? ErrorDetail, int Attempts);

    /// <summary>Reads the MESSAGE rows straight from Azurite until every one of <paramref name="ids"/> is final.</summary>
    private async Task<Dictionary<string, Stored>> WaitUntilFinalAsync(HashSet<string> ids)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var rows = new Dictionary<string, Stored>(StringComparer.Ordinal);
            TableContinuation? continuation = null;
            do
            {
                var page = await fixture.Messages.QueryAsync(new TableQuery
                {
                    Filter = "itemType eq 'MESSAGE'",
                    Select = ["messageId", "status", "wamid", "errorType", "errorDetail", "attempts"],
                    Top = 1000,
                    Continuation = continuation,
                });
                foreach (var row in page.Rows)
                    // The wamid pointer rows carry messageId too, but no status.
                    if (row.GetString("messageId") is { } id && ids.Contains(id) && row.GetString("status") is not null)
                        rows[id] = new(row.GetString("status") ?? "", row.GetString("wamid"), row.GetString("errorType"), row.GetString("errorDetail"),
                            row.GetInt32("attempts") ?? 0);
                continuation = page.Continuation;
            } while (continuation is not null);

            if (rows.Count == ids.Count && rows.Values.All(r => r.Status is "sent" or "failed") || deadline.Elapsed > SettleWithin) return rows;
            await Task.Delay(2000);
        }
    }
}
