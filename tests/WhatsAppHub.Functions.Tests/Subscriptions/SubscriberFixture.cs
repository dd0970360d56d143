using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Subscriptions;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Subscriptions;

/// <summary>
/// Azurite, a hub that may deliver to loopback http with small retry settings (3 attempts, 1 s first back-off, 2 s
/// time-out), and a receiver playing the subscribers. EUM is never called by these tests, so no sandbox runs.
/// </summary>
public sealed class SubscriberFixture : IAsyncLifetime
{
    public const int MaxAttempts = 3;

    public AzuriteProcess Azurite { get; } = new();

    public HubHost Hub { get; private set; } = null!;

    public WebhookReceiver Receiver { get; private set; } = null!;

    /// <summary>The hub's Subscriptions table read directly in Azurite, to check what was really stored.</summary>
    public ITableStore Table { get; private set; } = null!;

    public EventFanout Fanout => Hub.Services.GetRequiredService<EventFanout>();

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Receiver = await WebhookReceiver.StartAsync();
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, "http://127.0.0.1:9",
            "Subscriptions:AllowHttpLoopback=true", $"Subscriptions:MaxAttempts={MaxAttempts}", "Subscriptions:FirstRetrySeconds=1",
            "Subscriptions:TimeoutSeconds=2");
        Table = new TableService(StorageConnection.Parse(Azurite.ConnectionString)).GetTable(HubTables.Subscriptions);
    }

    /// <summary>An event of <paramref name="type"/> with a fresh id (unless given), as the inbound mapper would make it.</summary>
    public static HubEvent Event(string type, string? id = null, DateTimeOffset? at = null) => new(
        id ?? "evt-" + Guid.NewGuid().ToString("N"), type, at ?? DateTimeOffset.UtcNow.AddSeconds(-1), "102030405060708",
        HubHost.DefaultPhoneNumberId, "447700900123", "{\"status\":\"read\",\"wamid\":\"wamid.HBgL\",\"nested\":{\"n\":1}}");

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Receiver.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Subscribers")]
public sealed class SubscriberCollection : ICollectionFixture<SubscriberFixture>;
