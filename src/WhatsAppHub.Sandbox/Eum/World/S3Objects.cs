using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>
/// Reads and writes objects on the S3-compatible server named by <see cref="SandboxOptions.S3ServiceUrl"/>, the way EUM
/// reads the object an upload names and writes the media a download asks for. Plain HTTP, path-style and unsigned
/// (s3rver allows it), so the sandbox stays free of AWSSDK.
/// </summary>
public sealed class S3Objects(IHttpClientFactory clients, IOptions<SandboxOptions> options)
{
    public const string HttpClientName = "s3";

    public sealed record ObjectHead(long Size, string? ContentType);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.S3ServiceUrl);

    /// <summary>The object's size and Content-Type, or null when it cannot be read. Synchronous: EUM operations are.</summary>
    public ObjectHead? Head(string bucket, string key)
    {
        try
        {
            using var response = Client.Send(new HttpRequestMessage(HttpMethod.Head, ObjectUrl(bucket, key)));
            if (!response.IsSuccessStatusCode) return null;
            return new ObjectHead(response.Content.Headers.ContentLength ?? 0, response.Content.Headers.ContentType?.ToString());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The object's bytes, or null when it cannot be read (a media source that is gone).</summary>
    public byte[]? Read(string bucket, string key)
    {
        try
        {
            using var response = Client.Send(new HttpRequestMessage(HttpMethod.Get, ObjectUrl(bucket, key)));
            if (!response.IsSuccessStatusCode) return null;
            using var content = response.Content.ReadAsStream();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return copy.ToArray();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Stores the bytes with their Content-Type; null when stored, else why not (as EUM would report it).</summary>
    public string? Write(string bucket, string key, byte[] content, string contentType) =>
        Put(ObjectUrl(bucket, key), content, new Dictionary<string, string> { ["Content-Type"] = contentType });

    /// <summary>
    /// PUTs the bytes to a presigned URL with the headers the caller named. EUM only takes <c>*.amazonaws.com</c> URLs,
    /// which a local run cannot reach, so the URL's bucket and key (virtual-hosted or path-style) are written to the
    /// local S3 instead; the signature is not checked (s3rver would not know the key that made it).
    /// </summary>
    public string? WritePresigned(string url, IReadOnlyDictionary<string, string> headers, byte[] content)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return $"'{url}' is not a URL.";
        var host = uri.Host;
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var s3At = host.IndexOf(".s3", StringComparison.Ordinal);
        var (bucket, key) = s3At > 0
            ? (host[..s3At], path)
            : (path.Split('/', 2)[0], path.Contains('/') ? path.Split('/', 2)[1] : "");
        if (bucket.Length == 0 || key.Length == 0) return $"The presigned URL names no bucket and key.";
        return Put(ObjectUrl(bucket, key), content, headers);
    }

    private string? Put(string url, byte[] content, IReadOnlyDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.TryParse(value, out var type) ? type : null;
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        try
        {
            using var response = Client.Send(request);
            return response.IsSuccessStatusCode ? null : $"S3 answered {(int)response.StatusCode} to the PUT.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"S3 could not be reached ({e.Message}).";
        }
    }

    private HttpClient Client => clients.CreateClient(HttpClientName);

    private string ObjectUrl(string bucket, string key)
    {
        var keyPath = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        return $"{options.Value.S3ServiceUrl.TrimEnd('/')}/{Uri.EscapeDataString(bucket)}/{keyPath}";
    }
}
