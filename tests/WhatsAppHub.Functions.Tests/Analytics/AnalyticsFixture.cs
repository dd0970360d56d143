using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Inbound;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Functions.Tests.Templates;
using WhatsAppHub.Testing;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Analytics;

/// <summary>
/// Azurite, a sandbox that publishes no statuses by itself (each test publishes the statuses it means, repeats
/// included, through <c>POST /sandbox/inbound/{type}</c>), and a hub that accepts the sandbox's SNS notifications.
/// </summary>
public sealed class AnalyticsFixture : IAsyncLifetime
{
    public const string WabaId = TemplatesFixture.WabaId;

    public AzuriteProcess Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    public ITableStore Messages { get; private set; } = null!;

    public ITableStore InboundEvents { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        var hubPort = FreePort.Next();
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{hubPort}/api/eum/events", "Statuses=", "SnsRetries=0",
            "SnsSignatureVersion=2");
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl, waitForStorage: true,
            $"Sns:AllowedTopicArns={SnsFixture.TopicArn}",
            $"Sns:TrustedTestCertificateHost={new Uri(Sandbox.BaseUrl).Authority}",
            $"urls=http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}");
        var tables = new TableService(StorageConnection.Parse(Azurite.ConnectionString));
        Messages = tables.GetTable(HubTables.Messages);
        InboundEvents = tables.GetTable(HubTables.InboundEvents);
    }

    /// <summary>Creates a utility template (the sandbox approves it at once) and returns its name.</summary>
    public async Task<string> CreateTemplateAsync(string stem, string language = "en_GB")
    {
        var name = TemplateDefinitions.UniqueName(stem);
        using var created = await Hub.Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name, language)));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        for (var i = 0; i < 100; i++)
        {
            var template = await Hub.Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language={language}");
            if ((string?)template!["status"] == "APPROVED") return name;
            await Task.Delay(100);
        }
        Assert.Fail($"Template {name} was never approved.");
        return name;
    }

    /// <summary>Sends the utility template to <paramref name="to"/> and waits until EUM took it; the stored message (id, wamid).</summary>
    public async Task<(string Id, string Wamid)> SendAsync(string name, string to, string language = "en_GB")
    {
        using var sent = await Hub.Http.PostAsync($"/api/templates/{name}/send?wait=true", Json($$"""
            { "to": "{{to}}", "language": "{{language}}",
              "values": { "header": { "order_id": "AB9" }, "body": { "first_name": "Priya", "eta": "Tuesday" }, "buttons": [ { "index": 0, "value": "AB9" } ] } }
            """));
        var answer = await sent.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(sent.StatusCode == HttpStatusCode.Created, answer?.ToJsonString());
        return ((string)answer!["id"]!, (string)answer["wamid"]!);
    }

    /// <summary>
    /// A contact's event through the sandbox (<paramref name="copies"/> deliveries of one SNS message), then waits until
    /// the hub has processed it.
    /// </summary>
    public async Task PublishAsync(string type, string body, int copies = 1)
    {
        using var published = await Sandbox.Http.PostAsync($"/sandbox/inbound/{type}?copies={copies}", Json(body));
        var answer = await published.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(published.StatusCode == HttpStatusCode.OK, answer?.ToJsonString());
        foreach (var evt in answer!["events"]!.AsArray()) await WaitProcessedAsync((string)evt!["snsMessageId"]!);
    }

    /// <summary>Waits until the hub has processed the stored event of an SNS message (10 s at most).</summary>
    public Task WaitProcessedAsync(string snsMessageId) => InboundEvents.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(10));

    public static string NewRecipient() => TemplatesFixture.NewRecipient();

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Analytics")]
public sealed class AnalyticsCollection : ICollectionFixture<AnalyticsFixture>;
