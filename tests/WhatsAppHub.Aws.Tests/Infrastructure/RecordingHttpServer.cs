using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>What the loopback server saw of one request.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    /// <summary>Decoded query parameters (each name once; EUM never repeats one).</summary>
    public IReadOnlyDictionary<string, string> Query =>
        QueryHelpers.ParseQuery(RawQuery).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A Kestrel server on 127.0.0.1 and a free port that records every request and answers through
/// <see cref="Responder"/> (default: 200 with <c>{}</c>).
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordingHttpServer(WebApplication app) => _app = app;

    public Func<RecordedRequest, HttpContext, Task> Responder { get; set; } = (_, context) => Json(context, 200, "{}");

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RecordingHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordingHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    public static async Task Json(HttpContext context, int status, string body, IDictionary<string, string>? headers = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray());
        _requests.Enqueue(recorded);
        await Responder(recorded, context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
