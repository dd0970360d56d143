using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Sandbox.Eum.Auth;

/// <summary>
/// Checks an AWS Signature Version 4 (header form) the way an AWS front end does: rebuilds the
/// canonical request and string to sign from what arrived, derives the signing key from the secret
/// we know for the access key, and compares in constant time. Written from the published algorithm,
/// independent of any AWS SDK, so it is a second opinion on the hub's own signer.
/// </summary>
public sealed class SigV4Verifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    private readonly string _service;
    private readonly string _region;
    private readonly IReadOnlyDictionary<string, string> _secrets;
    private readonly TimeProvider _time;

    public SigV4Verifier(string service, string region, IReadOnlyDictionary<string, string> secretsByAccessKey, TimeProvider time)
    {
        _service = service;
        _region = region;
        _secrets = secretsByAccessKey;
        _time = time;
    }

    public SigV4Result Verify(SignedRequest request)
    {
        var authorization = request.Header("Authorization");
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return SigV4Result.Refused("MissingAuthenticationTokenException", "Missing Authentication Token");
        }

        if (!AuthorizationHeader.TryParse(authorization, out var auth, out var parseError))
        {
            return SigV4Result.Refused("IncompleteSignatureException", parseError);
        }

        if (!_secrets.TryGetValue(auth.AccessKeyId, out var secret))
        {
            return SigV4Result.Refused("UnrecognizedClientException", "The security token included in the request is invalid.", auth.AccessKeyId);
        }

        if (auth.Terminator != "aws4_request")
        {
            return Invalid($"Credential should be scoped with a valid terminator: 'aws4_request', not '{auth.Terminator}'. ", auth);
        }
        if (auth.Service != _service)
        {
            return Invalid($"Credential should be scoped to correct service: '{_service}'. ", auth);
        }
        if (auth.Region != _region)
        {
            return Invalid($"Credential should be scoped to a valid region, not '{auth.Region}'. ", auth);
        }
        if (!auth.SignedHeaders.Contains("host"))
        {
            return Invalid("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", auth);
        }

        if (!TryReadRequestTime(request, out var amzDate, out var requestTime))
        {
            return SigV4Result.Refused("IncompleteSignatureException",
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + authorization, auth.AccessKeyId);
        }
        if (auth.Date != amzDate[..8])
        {
            return Invalid($"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{auth.Date}' != '{amzDate[..8]}', from '{amzDate}'.", auth);
        }

        var now = _time.GetUtcNow();
        if (requestTime < now - AllowedSkew)
        {
            return Invalid($"Signature expired: {amzDate} is now earlier than {Stamp(now - AllowedSkew)} ({Stamp(now)} - 15 min.)", auth);
        }
        if (requestTime > now + AllowedSkew)
        {
            return Invalid($"Signature not yet current: {amzDate} is still later than {Stamp(now + AllowedSkew)} ({Stamp(now)} + 15 min.)", auth);
        }

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));
        var declaredHash = request.Header("x-amz-content-sha256")?.Trim();
        if (declaredHash is not null && declaredHash != UnsignedPayload && !string.Equals(declaredHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("The provided 'x-amz-content-sha256' header does not match what was computed.", auth);
        }
        var payloadHash = declaredHash ?? bodyHash;

        var canonicalRequest = CanonicalRequest(request, auth.SignedHeaders, payloadHash);
        var scope = $"{auth.Date}/{auth.Region}/{auth.Service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey(secret, auth.Date, auth.Region, auth.Service), Encoding.UTF8.GetBytes(stringToSign)));

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature.ToLowerInvariant())))
        {
            return SigV4Result.Refused("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                + $"The Canonical String for this request should have been\n'{canonicalRequest}'\n\nThe String-to-Sign should have been\n'{stringToSign}'\n",
                auth.AccessKeyId, canonicalRequest);
        }

        return SigV4Result.Valid(auth.AccessKeyId, canonicalRequest);
    }

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8.ToArray());
    }

    public static string CanonicalRequest(SignedRequest request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method.ToUpperInvariant()).Append('\n');
        sb.Append(CanonicalUri(request.RawPath)).Append('\n');
        sb.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = request.HeaderValues(name).Select(CollapseSpaces);
            sb.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }
        sb.Append('\n');
        sb.Append(string.Join(';', signedHeaders)).Append('\n');
        sb.Append(payloadHash);
        return sb.ToString();
    }

    /// <summary>
    /// Non-S3 services normalise the path (drop empty, "." and ".." segments) and encode each segment
    /// again, so an already-encoded "%20" on the wire becomes "%2520" in the canonical request.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        if (string.IsNullOrEmpty(rawPath))
        {
            return "/";
        }
        var segments = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
                continue;
            }
            segments.Add(AwsUriEncoding.Encode(segment));
        }
        var path = "/" + string.Join('/', segments);
        return segments.Count > 0 && rawPath.EndsWith('/') ? path + "/" : path;
    }

    /// <summary>Decode every name and value, re-encode per RFC 3986, sort by name then value (ordinal).</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        var query = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part : part[..eq];
            var value = eq < 0 ? "" : part[(eq + 1)..];
            pairs.Add((AwsUriEncoding.Encode(AwsUriEncoding.Decode(name)), AwsUriEncoding.Encode(AwsUriEncoding.Decode(value))));
        }
        return string.Join('&', pairs
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string CollapseSpaces(string value)
    {
        var trimmed = value.Trim();
        var sb = new StringBuilder(trimmed.Length);
        var lastWasSpace = false;
        foreach (var c in trimmed)
        {
            var isSpace = c == ' ';
            if (!(isSpace && lastWasSpace))
            {
                sb.Append(c);
            }
            lastWasSpace = isSpace;
        }
        return sb.ToString();
    }

    private static bool TryReadRequestTime(SignedRequest request, out string amzDate, out DateTimeOffset time)
    {
        var header = request.Header("x-amz-date")?.Trim();
        if (header is not null && DateTimeOffset.TryParseExact(header, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            amzDate = header;
            return true;
        }
        var date = request.Header("Date");
        if (header is null && date is not null && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
        {
            amzDate = Stamp(time);
            return true;
        }
        amzDate = "";
        time = default;
        return false;
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static SigV4Result Invalid(string message, AuthorizationHeader auth) =>
        SigV4Result.Refused("InvalidSignatureException", message, auth.AccessKeyId);
}
