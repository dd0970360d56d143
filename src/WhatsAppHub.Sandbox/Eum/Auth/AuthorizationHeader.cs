using System.Diagnostics.CodeAnalysis;

namespace WhatsAppHub.Sandbox.Eum.Auth;

/// <summary>
/// The parts of <c>Authorization: AWS4-HMAC-SHA256 Credential=AK/date/region/service/aws4_request,
/// SignedHeaders=a;b, Signature=hex</c>. Parse failures carry AWS's IncompleteSignature wording.
/// </summary>
public sealed record AuthorizationHeader(
    string AccessKeyId, string Date, string Region, string Service, string Terminator,
    IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static bool TryParse(string header, [NotNullWhen(true)] out AuthorizationHeader? result, out string error)
    {
        result = null;
        header = header.Trim();
        if (!header.StartsWith(SigV4Verifier.Algorithm + " ", StringComparison.Ordinal))
        {
            error = $"Authorization header requires '{SigV4Verifier.Algorithm}' as its algorithm. Authorization={header}";
            return false;
        }

        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var piece in header[(SigV4Verifier.Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = piece.IndexOf('=');
            if (eq > 0)
            {
                parts[piece[..eq]] = piece[(eq + 1)..];
            }
        }

        var missing = new[] { "Credential", "Signature", "SignedHeaders" }.Where(p => !parts.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            error = string.Concat(missing.Select(p => $"Authorization header requires '{p}' parameter. ")) + $"Authorization={header}";
            return false;
        }

        var credential = parts["Credential"].Split('/');
        if (credential.Length != 5)
        {
            error = $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{parts["Credential"]}'";
            return false;
        }

        var signedHeaders = parts["SignedHeaders"].Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(h => h.Trim().ToLowerInvariant())
            .Order(StringComparer.Ordinal)
            .ToList();

        result = new AuthorizationHeader(credential[0], credential[1], credential[2], credential[3], credential[4], signedHeaders, parts["Signature"]);
        error = "";
        return true;
    }
}
