using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>
/// An independent SigV4 check of a recorded request (AWS's documented algorithm, written out here),
/// so the signing tests do not merely trust the SDK's own view of what it signed.
/// </summary>
public static partial class SigV4Verifier
{
    public sealed record Parsed(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[^,]+), ?Signature=(?<sig>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    public static Parsed Parse(string? authorization)
    {
        var match = AuthorizationPattern().Match(authorization ?? "");
        Assert.True(match.Success, $"Authorization header not in SigV4 form: {authorization}");
        return new Parsed(match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value,
            match.Groups["service"].Value, match.Groups["headers"].Value.Split(';'), match.Groups["sig"].Value);
    }

    /// <summary>Recomputes the signature from the request as the server received it.</summary>
    public static string ExpectedSignature(RecordedRequest request, string secretKey)
    {
        var auth = Parse(request.Header("Authorization"));
        var amzDate = request.Header("x-amz-date") ?? throw new Xunit.Sdk.XunitException("no x-amz-date header");

        var canonicalQuery = string.Join("&", request.Query
            .Select(p => (Name: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
        var canonicalHeaders = string.Concat(auth.SignedHeaders.Select(h =>
            $"{h}:{Regex.Replace(request.Header(h)?.Trim() ?? "", " +", " ")}\n"));
        var payloadHash = request.Header("x-amz-content-sha256") ?? Hex(SHA256.HashData(request.Body));
        var canonicalRequest = string.Join("\n",
            request.Method, request.Path, canonicalQuery, canonicalHeaders, string.Join(";", auth.SignedHeaders), payloadHash);

        var scope = $"{auth.Date}/{auth.Region}/{auth.Service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), auth.Date);
        key = Hmac(key, auth.Region);
        key = Hmac(key, auth.Service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
