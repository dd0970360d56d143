using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// Azurite and a sandbox that publishes to a hub port chosen up front, for tests that run the hub as real processes
/// (<see cref="HubProcess"/>) they start, kill and start again on that port.
/// </summary>
public sealed class WorkflowProcessFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new() { AccessLog = false };

    public SandboxHost Sandbox { get; private set; } = null!;

    /// <summary>The port the sandbox publishes SNS notifications to.</summary>
    public int HubPort { get; } = FreePort.Next();

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        // SNS retries a delivery the hub did not answer; so does the sandbox here, because a hub process on a loaded
        // machine (200 clicks at once, a second hub starting) can miss one answer, and a lost click is not what is tested.
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{HubPort}/api/eum/events", "StatusDelayMs=10",
            "SnsRetries=3", "SnsSignatureVersion=2");
    }

    public Task<HubProcess> StartHubAsync(int? port = null) => HubProcess.StartAsync(Azurite.ConnectionString, Sandbox, port ?? HubPort);

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("WorkflowProcesses")]
public sealed class WorkflowProcessCollection : ICollectionFixture<WorkflowProcessFixture>;
