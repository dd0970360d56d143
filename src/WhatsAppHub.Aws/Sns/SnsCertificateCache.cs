using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace WhatsAppHub.Aws.Sns;

/// <summary>Why a signing certificate could not be had, and whether asking again later could help.</summary>
public sealed class SnsCertificateException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}

/// <summary>
/// Signing certificates by URL. Fetched once with a time-out and a size cap, no redirects (the <see cref="HttpClient"/>
/// given is built that way), kept for <see cref="TimeToLive"/>; a rotated certificate simply has a new URL.
/// The cache is bounded: when full it starts over. Failures are not cached.
/// </summary>
public sealed class SnsCertificateCache(HttpClient http, TimeProvider time)
{
    public const int MaxCertificateBytes = 16 * 1024;
    public const int MaxEntries = 64;
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (Task<X509Certificate2> Certificate, DateTimeOffset FetchedAt)> _entries = new(StringComparer.Ordinal);

    public async Task<X509Certificate2> GetAsync(string url, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(url, out var entry) && now - entry.FetchedAt < TimeToLive)
        {
            try
            {
                return await entry.Certificate.WaitAsync(cancellationToken);
            }
            catch (SnsCertificateException)
            {
                _entries.TryRemove(KeyValuePair.Create(url, entry));
                throw;
            }
        }

        if (_entries.Count >= MaxEntries) _entries.Clear();
        var fetch = FetchAsync(url);
        _entries[url] = (fetch, now);
        try
        {
            return await fetch.WaitAsync(cancellationToken);
        }
        catch (SnsCertificateException)
        {
            _entries.TryRemove(KeyValuePair.Create(url, (fetch, now)));
            throw;
        }
    }

    private async Task<X509Certificate2> FetchAsync(string url)
    {
        using var timeout = new CancellationTokenSource(FetchTimeout);
        byte[] body;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new SnsCertificateException($"SigningCertURL answered {(int)response.StatusCode}.", transient: (int)response.StatusCode >= 500);
            if (response.Content.Headers.ContentLength > MaxCertificateBytes)
                throw new SnsCertificateException("The signing certificate is larger than expected.", transient: false);
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > MaxCertificateBytes)
                    throw new SnsCertificateException("The signing certificate is larger than expected.", transient: false);
                buffer.Write(chunk, 0, read);
            }
            body = buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            throw new SnsCertificateException("The signing certificate could not be fetched: " + e.Message, transient: true);
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(body));
            var now = time.GetUtcNow();
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
                throw new SnsCertificateException("The signing certificate is outside its validity period.", transient: false);
            return certificate;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new SnsCertificateException("SigningCertURL did not hold a PEM certificate: " + e.Message, transient: false);
        }
    }
}
