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
using WhatsAppHub.Testing;
using WhatsAppHub.Testing.Templates;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// Azurite, a sandbox that reviews new templates (PENDING, then APPROVED <see cref="ReviewMs"/> later, with a signed
/// status webhook to the hub), and a hub that accepts the sandbox's SNS notifications and has a media bucket configured.
/// </summary>
public sealed class TemplatesFixture : IAsyncLifetime
{
    public const int ReviewMs = 400;
    public const string Bucket = "whatsapphub-media-test";
    public const string WabaId = "waba-0123456789abcdef0123456789abcdef";

    public AzuriteProcess Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    public ITableStore Templates { get; private set; } = null!;

    public ITableStore InboundEvents { get; private set; } = null!;

    public ITableStore MessagesTable { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        var hubPort = FreePort.Next();
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{hubPort}/api/eum/events", "StatusDelayMs=10",
            "SnsRetries=0", "SnsSignatureVersion=2", $"TemplateReviewMs={ReviewMs}");
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl, waitForStorage: true,
            $"Sns:AllowedTopicArns={SnsFixture.TopicArn}",
            $"Sns:TrustedTestCertificateHost={new Uri(Sandbox.BaseUrl).Authority}",
            $"Media:Bucket={Bucket}",
            "Media:S3ServiceUrl=http://127.0.0.1:9", // never reached: EUM reads template media itself
            "Media:AccessKeyId=S3RVER", "Media:SecretAccessKey=S3RVER",
            $"urls=http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}");
        var tables = new TableService(StorageConnection.Parse(Azurite.ConnectionString));
        Templates = tables.GetTable(HubTables.Templates);
        InboundEvents = tables.GetTable(HubTables.InboundEvents);
        MessagesTable = tables.GetTable(HubTables.Messages);
    }

    /// <summary>How many calls of an operation the sandbox has recorded.</summary>
    public async Task<int> EumCallsAsync(string operation) =>
        (await Sandbox.Http.GetFromJsonAsync<JsonArray>($"/sandbox/requests?operation={operation}"))!.Count;

    /// <summary>Polls <c>GET /api/templates/{name}?language=</c> until <paramref name="until"/> holds (10 s at most).</summary>
    public async Task<JsonObject> WaitForAsync(string name, string language, Func<JsonObject, bool> until)
    {
        JsonObject? last = null;
        for (var i = 0; i < 100; i++)
        {
            last = await Hub.Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language={language}");
            if (until(last!)) return last!;
            await Task.Delay(100);
        }
        Assert.Fail($"The template never reached the expected state: {last}");
        return last!;
    }

    /// <summary>Creates <paramref name="definition"/> (name, language → JSON) under a fresh name and waits until the sandbox approved it.</summary>
    public async Task<string> CreateApprovedAsync(Func<string, string, string> definition, string stem, string language)
    {
        var name = TemplateDefinitions.UniqueName(stem);
        using var created = await Hub.Http.PostAsync("/api/templates", TemplateLifecycleTests.Json(definition(name, language)));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await WaitForAsync(name, language, t => (string?)t["status"] == "APPROVED");
        return name;
    }

    /// <summary>The <see cref="TemplateExamples"/> definition named <paramref name="example"/>, created under a fresh name and approved.</summary>
    public async Task<(string Name, string Language)> CreateApprovedExampleAsync(string example)
    {
        var json = TemplateExamples.All[example];
        var language = (string)JsonNode.Parse(json)!["language"]!;
        var stem = example.ToLowerInvariant();
        return (await CreateApprovedAsync((n, l) => TemplateExamples.Named(json, n, l), stem[..Math.Min(stem.Length, 12)], language), language);
    }

    /// <summary>The one template object the sandbox received for <paramref name="to"/>.</summary>
    public async Task<JsonNode> SandboxTemplateAsync(string to)
    {
        var message = Assert.Single(await Messages.SandboxSendsToAsync(Sandbox.Http, to)).GetProperty("message");
        Assert.Equal("template", message.GetProperty("type").GetString());
        return JsonNode.Parse(message.GetProperty("template").GetRawText())!;
    }

    public static JsonObject Component(JsonArray components, string type) =>
        Assert.Single(components, c => (string?)c!["type"] == type)!.AsObject();

    public static string NewRecipient() =>
        "+4477009" + Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);

    /// <summary>Waits until the hub has processed the stored event of an SNS message (10 s at most).</summary>
    public Task WaitProcessedAsync(string snsMessageId) => InboundEvents.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(10));

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Templates")]
public sealed class TemplatesCollection : ICollectionFixture<TemplatesFixture>;
