using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks.Inbound;

/// <summary>Serves the benchmark's SNS signing certificate on 127.0.0.1, where the hub fetches it (once; it caches it).</summary>
public sealed class CertificateServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CertificateServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<CertificateServer> StartAsync(string pem)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(baseUrl);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/certificate.pem", () => Results.Text(pem, "application/x-pem-file"));
        await app.StartAsync();
        return new CertificateServer(app, baseUrl);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
