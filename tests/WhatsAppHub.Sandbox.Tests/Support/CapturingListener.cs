using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WhatsAppHub.Sandbox.Tests.Support;

/// <summary>
/// A tiny stand-in for the hub's SNS endpoint: records every POST (headers and body) and answers
/// with the status codes it is told to (then 200).
/// </summary>
public sealed class CapturingListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private CapturingListener(WebApplication app, ConcurrentQueue<int> answers, string url)
    {
        _app = app;
        _answers = answers;
        Url = url;
    }

    public string Url { get; }
    public ConcurrentQueue<CapturedRequest> Requests { get; } = new();

    public static async Task<CapturingListener> StartAsync(params int[] firstAnswers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var answers = new ConcurrentQueue<int>(firstAnswers);
        CapturingListener? self = null;
        app.MapPost("/api/eum/events", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            self!.Requests.Enqueue(new CapturedRequest(headers, body));
            return Results.StatusCode(answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        self = new CapturingListener(app, answers, address + "/api/eum/events");
        return self;
    }

    public async Task<IReadOnlyList<CapturedRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        return Requests.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record CapturedRequest(IReadOnlyDictionary<string, string> Headers, string Body);
