using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Inbound;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Sandbox.Sns;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Inbound;

/// <summary>
/// Azurite, a sandbox that publishes its SNS notifications to the hub, and a hub that trusts the sandbox's certificate
/// origin and allows its topic: the hub's port is chosen first so the sandbox can be told where to publish.
/// </summary>
public sealed class SnsFixture : IAsyncLifetime
{
    public const string TopicArn = "arn:aws:sns:us-east-1:123456789012:whatsapphub-events";

    /// <summary>What the payment tests sign gateway callbacks with.</summary>
    public const string PaymentCallbackSecret = "test-payments-callback-secret";

    public AzuriteProcess Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    public ITableStore Events { get; private set; } = null!;

    public IWorkQueue InboundQueue { get; private set; } = null!;

    public string CertificateUrl => $"{Sandbox.BaseUrl}/sandbox/sns/certificate.pem";

    public string TrustedOrigin => new Uri(Sandbox.BaseUrl).Authority;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        var hubPort = FreePort.Next();
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{hubPort}/api/eum/events", "StatusDelayMs=10",
            "SnsRetries=0", "SnsSignatureVersion=2");
        Hub = await StartHubAsync(Azurite.ConnectionString, waitForStorage: true, $"urls=http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}");
        var storage = StorageConnection.Parse(Azurite.ConnectionString);
        Events = new TableService(storage).GetTable(HubTables.InboundEvents);
        InboundQueue = new QueueService(storage).GetQueue(HubQueues.Inbound);
    }

    public Task<HubHost> StartHubAsync(string storage, bool waitForStorage, params string[] overrides) =>
        HubHost.StartAsync(storage, Sandbox.BaseUrl, waitForStorage,
        [
            $"Sns:AllowedTopicArns={TopicArn}",
            $"Sns:TrustedTestCertificateHost={TrustedOrigin}",
            "Outbound:EnforceServiceWindow=false",
            "Subscriptions:AllowHttpLoopback=true",
            $"Payments:CallbackSecret={PaymentCallbackSecret}",
            .. overrides,
        ]);

    /// <summary>A body signed with the sandbox's SNS key (as SNS would sign it), changed afterwards by <paramref name="tamper"/>.</summary>
    public string Signed(string type = "Notification", string? topicArn = null, string? certificateUrl = null, int version = 2,
        string? message = null, string? messageId = null, string? subscribeUrl = null, Func<SnsMessage, SnsMessage>? tamper = null)
    {
        var certificate = Sandbox.Services.GetRequiredService<SnsSigningCertificate>();
        var sns = new SnsMessage(type, messageId ?? Guid.NewGuid().ToString(), topicArn ?? TopicArn,
            message ?? "{\"whatsAppWebhookEntry\":\"{}\",\"aws_account_id\":\"123456789012\"}", "2026-01-05T08:00:01.457Z")
        {
            SubscribeUrl = type == "Notification" ? null : subscribeUrl ?? $"{Sandbox.BaseUrl}/sandbox/sns/unsubscribe?Action=ConfirmSubscription",
            Token = type == "Notification" ? null : "token-0001",
        };
        var signature = new SnsSigner(certificate.PrivateKey).Sign(sns, version);
        var sent = tamper?.Invoke(sns) ?? sns;
        return sent.ToJson(version, signature, certificateUrl ?? CertificateUrl, type == "Notification" ? $"{Sandbox.BaseUrl}/sandbox/sns/unsubscribe" : null);
    }

    public async Task<TableRow?> RowAsync(string messageId) =>
        await Events.GetAsync(InboundEventStore.PartitionKey(messageId), InboundEventStore.RowKey(messageId));

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Sns")]
public sealed class SnsCollection : ICollectionFixture<SnsFixture>;
