using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WhatsAppHub.Functions.Tests.Subscriptions;

/// <summary>What a subscriber's endpoint received: the headers the hub sets and the raw body bytes.</summary>
public sealed record ReceivedDelivery(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>
/// A subscriber: Kestrel on 127.0.0.1 and a free port. Each path (<c>/hooks/{name}</c>) records what it receives and
/// answers with the next status of its script (the last one repeats; 200 when none was set).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedDelivery>> _received = new();
    private readonly ConcurrentDictionary<string, int[]> _scripts = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();

    private WebhookReceiver(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/{name}", async (string name, HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!._received.GetOrAdd(name, _ => new()).Enqueue(new ReceivedDelivery(name, headers, buffer.ToArray(), DateTimeOffset.UtcNow));
            var call = receiver._calls.AddOrUpdate(name, 1, (_, n) => n + 1);
            var script = receiver._scripts.GetValueOrDefault(name) ?? [200];
            var status = script[Math.Min(call - 1, script.Length - 1)];
            if (status == 0) await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted); // 0: never answer
            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address.TrimEnd('/'));
        return receiver;
    }

    /// <summary>A fresh endpoint answering <paramref name="statuses"/> in turn (0 = never answers).</summary>
    public string Endpoint(params int[] statuses)
    {
        var name = Guid.NewGuid().ToString("N");
        if (statuses.Length > 0) _scripts[name] = statuses;
        return $"{BaseUrl}/hooks/{name}";
    }

    /// <summary>Changes what an endpoint answers from now on.</summary>
    public void Answer(string endpoint, int status)
    {
        var name = Name(endpoint);
        _scripts[name] = [status];
        _calls[name] = 0;
    }

    public IReadOnlyList<ReceivedDelivery> Received(string endpoint) =>
        _received.TryGetValue(Name(endpoint), out var queue) ? queue.ToArray() : [];

    /// <summary>Waits until the endpoint received at least <paramref name="count"/> requests (fails the test after <paramref name="seconds"/>).</summary>
    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(string endpoint, int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            var received = Received(endpoint);
            if (received.Count >= count) return received;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"{endpoint} received {Received(endpoint).Count} requests, expected {count}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Name(string endpoint) => endpoint[(endpoint.LastIndexOf('/') + 1)..];
}
