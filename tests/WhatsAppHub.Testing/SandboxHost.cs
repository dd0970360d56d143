using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Sandbox;

namespace WhatsAppHub.Testing;

/// <summary>
/// Runs the real sandbox (Kestrel, the same composition as Program.cs) inside the test process on a
/// free loopback port. Extra settings are passed as command-line style "Key=Value" pairs.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    public const string AccessKeyId = "AKIASANDBOX000000001";
    public const string SecretAccessKey = "sandbox-local-secret-not-for-aws";

    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<SandboxHost> StartAsync(params string[] settings)
    {
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        // Tests rely on these values: pin them so a stray appsettings.json in the output folder cannot change them.
        args.Add($"--Sandbox:AccessKeyId={AccessKeyId}");
        args.Add($"--Sandbox:SecretAccessKey={SecretAccessKey}");
        args.Add("--Sandbox:Region=us-east-1");
        args.Add("--Sandbox:HubEventsUrl=");
        args.AddRange(settings.Select(s => "--Sandbox:" + s));

        var app = SandboxApp.Build(args.ToArray());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, address.TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
