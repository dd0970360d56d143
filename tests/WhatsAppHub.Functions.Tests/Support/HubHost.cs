using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>
/// The real hub (Kestrel, the same composition as Program.cs) in the test process on a free loopback port,
/// wired to a real Azurite and the sandbox over HTTP. Settings are command-line style "Key=Value" overrides.
/// </summary>
public sealed class HubHost : IAsyncDisposable
{
    public const string ApiKey = "test-function-key-0001";
    public const string DefaultPhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef";

    private readonly WebApplication _app;

    private HubHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        Anonymous = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }

    /// <summary>The hub's own services, for tests that drive one component against the real emulators.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>A client that sends the function key.</summary>
    public HttpClient Http { get; }

    /// <summary>A client without a key.</summary>
    public HttpClient Anonymous { get; }

    public static Task<HubHost> StartAsync(string storageConnectionString, string eumUrl, params string[] overrides) =>
        StartAsync(storageConnectionString, eumUrl, waitForStorage: true, overrides);

    /// <param name="waitForStorage">Wait until the hub has created its tables (pointless when storage is meant to be down).</param>
    public static async Task<HubHost> StartAsync(string storageConnectionString, string eumUrl, bool waitForStorage, params string[] overrides)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production", // no embedded local defaults: every setting below is explicit
            "--Logging:LogLevel:Default=Warning",
            $"--Hub:ApiKey={ApiKey}",
            $"--AzureWebJobsStorage={storageConnectionString}",
            "--Eum:Region=us-east-1",
            $"--Eum:ServiceUrl={eumUrl}",
            $"--Eum:AccessKeyId={SandboxHost.AccessKeyId}",
            $"--Eum:SecretAccessKey={SandboxHost.SecretAccessKey}",
            $"--Eum:DefaultPhoneNumberId={DefaultPhoneNumberId}",
            "--Eum:TimeoutSeconds=5",
            .. overrides.Select(o => "--" + o),
        ];
        var app = HubApp.Build(args);
        await app.StartAsync();
        if (waitForStorage)
        {
            var ready = app.Services.GetRequiredService<StorageInitializer>().Ready;
            await ready.WaitAsync(TimeSpan.FromSeconds(30));
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HubHost(app, address.TrimEnd('/'));
    }

    /// <summary>Records that <paramref name="to"/> wrote to the number just now, opening its 24-hour window.</summary>
    public Task OpenServiceWindowAsync(string to, string phoneNumberId = DefaultPhoneNumberId) =>
        _app.Services.GetRequiredService<Functions.Conversations.ConversationStore>().RecordInboundAsync(
            phoneNumberId, Core.Messaging.RecipientRules.ToWaId(to), DateTimeOffset.UtcNow, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
