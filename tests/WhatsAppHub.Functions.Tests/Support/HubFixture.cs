using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>One Azurite, one sandbox and one hub shared by the tests of the "Hub" collection.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    /// <summary>The hub's Messages table read directly in Azurite, to check what was really stored.</summary>
    public ITableStore Messages { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Sandbox = await SandboxHost.StartAsync();
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl);
        Messages = new TableService(StorageConnection.Parse(Azurite.ConnectionString)).GetTable(HubTables.Messages);
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Hub")]
public sealed class HubCollection : ICollectionFixture<HubFixture>;
