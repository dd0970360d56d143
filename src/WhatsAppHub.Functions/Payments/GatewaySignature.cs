using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// Gateway callbacks are authenticated by an HMAC-SHA256 of the exact body bytes with <c>Payments__CallbackSecret</c>,
/// sent as <c>X-WhatsAppHub-Signature: sha256={hex}</c>. Not the function key: a gateway is configured once with a
/// shared secret and a URL, and a signature also proves the body was not changed on the way.
/// </summary>
public static class GatewaySignature
{
    public const string Header = "X-WhatsAppHub-Signature";
    public const string Prefix = "sha256=";

    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True when <paramref name="given"/> is the body's signature; compared in constant time.</summary>
    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? given)
    {
        if (given is null || !given.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, body)[Prefix.Length..]);
        var actual = Encoding.ASCII.GetBytes(given[Prefix.Length..].Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
