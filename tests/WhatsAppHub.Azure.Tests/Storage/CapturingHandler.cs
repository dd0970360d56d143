using System.Net;

namespace WhatsAppHub.Azure.Tests.Storage;

/// <summary>An in-process HTTP handler that records requests and answers with a canned response.</summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public CapturingHandler(Func<HttpRequestMessage, HttpResponseMessage>? respond = null) =>
        _respond = respond ?? (_ => new HttpResponseMessage(HttpStatusCode.NoContent));

    public List<CapturedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[] body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Headers
            .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add(new CapturedRequest(request.Method.Method, request.RequestUri!, headers, body));
        return _respond(request);
    }
}

internal sealed record CapturedRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out string? value) ? value : "";
}
