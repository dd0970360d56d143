using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>
/// Azurite, a sandbox and a hub tuned for fault runs: no pace limit worth the name, few attempts, short back-off and a
/// one-second reconcile window, so retries and unanswered sends settle in seconds. The 24-hour window is not enforced:
/// it is checked before anything is queued, and these tests are about what happens after.
/// </summary>
public sealed class FaultsFixture : IAsyncLifetime
{
    public const int MaxAttempts = 5;

    public AzuriteProcess Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    public ITableStore Messages { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Sandbox = await SandboxHost.StartAsync("MaxRecords=20000");
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl,
            "Outbound:RatePerSecond=1000",
            "Outbound:Concurrency=64",
            $"Outbound:MaxAttempts={MaxAttempts}",
            "Outbound:RetryBaseDelayMs=500",
            "Outbound:ReconcileSeconds=1", // the hub waits at least one EUM time-out (3 s here) plus a second
            "Eum:TimeoutSeconds=3",
            "Outbound:EnforceServiceWindow=false");
        Messages = new TableService(StorageConnection.Parse(Azurite.ConnectionString)).GetTable(HubTables.Messages);
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    /// <summary>Replaces the sandbox's fault plan (PUT /sandbox/faults).</summary>
    public async Task SetFaultsAsync(string plan)
    {
        using var response = await Sandbox.Http.PutAsync("/sandbox/faults", new StringContent(plan, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every SendWhatsAppMessage call the sandbox saw, accepted or refused.</summary>
    public async Task<List<JsonElement>> SandboxCallsAsync() =>
        (await Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/messages")).EnumerateArray().ToList();
}

[CollectionDefinition("Faults")]
public sealed class FaultsCollection : ICollectionFixture<FaultsFixture>;
