using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>
/// The per-number rate holds across hub instances: two hubs on one storage account, each told 10 sends/s, send 60
/// messages together no faster than 10/s in all. Own Azurite and sandbox, so no other hub drains this queue.
/// </summary>
public sealed class SendGovernorTests : IAsyncLifetime
{
    private const int Rate = 10;
    private const int Count = 60;

    private readonly AzuriteProcess _azurite = new();
    private SandboxHost _sandbox = null!;
    private HubHost _first = null!;
    private HubHost _second = null!;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _sandbox = await SandboxHost.StartAsync("Statuses=");
        string[] settings = [$"Outbound:RatePerSecond={Rate}"];
        _first = await HubHost.StartAsync(_azurite.ConnectionString, _sandbox.BaseUrl, settings);
        _second = await HubHost.StartAsync(_azurite.ConnectionString, _sandbox.BaseUrl, settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_together_keep_one_numbers_rate()
    {
        var recipients = Enumerable.Range(0, Count).Select(i => $"+1555800{i:D4}").ToList();
        foreach (var to in recipients) await _first.OpenServiceWindowAsync(to);

        var accepts = recipients.Select((to, i) => (i % 2 == 0 ? _first : _second).Http.PostAsJsonAsync("/api/messages/text", new { to, text = new { body = "paced" } }));
        foreach (var response in await Task.WhenAll(accepts)) Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var times = await SandboxSendTimesAsync(TimeSpan.FromSeconds(60));
        var span = times[^1] - times[0];
        // 60 sends at 10/s fill six one-second windows, so they span more than 4 s (the first window may be nearly
        // over when they start); each hub holding only its own 10/s would fill three windows, a span of 2-3 s.
        Assert.True(span >= TimeSpan.FromSeconds(Count / Rate - 2.2), $"{Count} sends took {span.TotalSeconds:F2} s at {Rate}/s");

        // What the governor granted, second by second, in the shared table: never more than the rate, and every send
        // went through it. (Arrival times at the sandbox trail the grants by each call's latency, so they are not exact.)
        var rateRows = (await new TableService(StorageConnection.Parse(_azurite.ConnectionString)).GetTable(HubTables.SendRates)
            .QueryAsync(new TableQuery { PartitionKey = StorageKey.Compose("RATE", HubHost.DefaultPhoneNumberId) })).Rows;
        var grants = rateRows.Select(r => r.GetInt32("claimed") ?? 0).ToList();
        Assert.All(grants, g => Assert.InRange(g, 0, Rate));
        Assert.InRange(grants.Sum(), Count, Count + 2 * Rate); // a block claimed at a second's end may go unused
    }

    private async Task<List<DateTimeOffset>> SandboxSendTimesAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var all = await _sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/messages");
            var list = all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("messages");
            var times = list.EnumerateArray().Where(m => m.GetProperty("accepted").GetBoolean())
                .Select(m => m.GetProperty("time").GetDateTimeOffset()).Order().ToList();
            if (times.Count >= Count) return times;
            Assert.True(DateTime.UtcNow < deadline, $"only {times.Count} of {Count} sends arrived");
            await Task.Delay(250);
        }
    }
}
