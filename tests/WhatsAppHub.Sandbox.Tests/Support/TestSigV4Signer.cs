using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Sandbox.Tests.Support;

/// <summary>
/// A deliberately plain SigV4 signer written in the test from AWS's documented four steps (canonical
/// request, string to sign, signing key, signature), used to produce signatures that the sandbox's
/// verifier must accept. It shares no code with the verifier.
/// </summary>
public static class TestSigV4Signer
{
    public static IReadOnlyDictionary<string, string> Sign(
        string method, Uri url, IDictionary<string, string> headers, byte[] body,
        string accessKeyId, string secret, string region, string service, DateTime utcNow, bool addContentHash = true)
    {
        var amzDate = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'");
        var date = utcNow.ToString("yyyyMMdd");
        var all = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase)
        {
            ["host"] = url.Authority,
            ["x-amz-date"] = amzDate,
        };
        var payloadHash = Hex(SHA256.HashData(body));
        if (addContentHash)
        {
            all["x-amz-content-sha256"] = payloadHash;
        }

        // Step 1: canonical request.
        var path = "/" + string.Join("/", url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Escape));
        var query = string.Join("&", url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Escape(Uri.UnescapeDataString(p[0])), Value: Escape(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var names = all.Keys.Select(k => k.ToLowerInvariant()).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var canonicalHeaders = string.Concat(names.Select(n => $"{n}:{all[n].Trim()}\n"));
        var signedHeaders = string.Join(";", names);
        var canonicalRequest = $"{method}\n{path}\n{query}\n{canonicalHeaders}\n{signedHeaders}\n{payloadHash}";

        // Step 2: string to sign.
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        // Step 3: signing key. Step 4: signature.
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }
        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        var result = new Dictionary<string, string>(all, StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}",
        };
        result.Remove("host");
        return result;
    }

    private static string Escape(string value)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' ? c.ToString() : $"%{b:X2}");
        }
        return sb.ToString();
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2")));
}
