using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>
/// Reads object metadata from the S3-compatible server named by <see cref="SandboxOptions.S3ServiceUrl"/>, the way EUM
/// reads the object an upload names. Plain HTTP HEAD, path-style and unsigned (s3rver allows it), so the sandbox
/// stays free of AWSSDK.
/// </summary>
public sealed class S3Objects(IHttpClientFactory clients, IOptions<SandboxOptions> options)
{
    public const string HttpClientName = "s3";

    public sealed record ObjectHead(long Size, string? ContentType);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.S3ServiceUrl);

    /// <summary>The object's size and Content-Type, or null when it cannot be read. Synchronous: EUM operations are.</summary>
    public ObjectHead? Head(string bucket, string key)
    {
        var keyPath = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        var url = $"{options.Value.S3ServiceUrl.TrimEnd('/')}/{Uri.EscapeDataString(bucket)}/{keyPath}";
        try
        {
            using var response = clients.CreateClient(HttpClientName).Send(new HttpRequestMessage(HttpMethod.Head, url));
            if (!response.IsSuccessStatusCode) return null;
            return new ObjectHead(response.Content.Headers.ContentLength ?? 0, response.Content.Headers.ContentType?.ToString());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
