using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Core.Subscriptions;

/// <summary>
/// The signature on every delivery: <c>X-WhatsAppHub-Signature: sha256=&lt;hex&gt;</c>, the lower-case hex HMAC-SHA256
/// keyed with the subscription's secret over <c>"{timestamp}.{raw body}"</c>, where timestamp is the
/// <c>X-WhatsAppHub-Timestamp</c> header (Unix seconds). Signing the timestamp with the body lets a receiver refuse an
/// old delivery replayed by someone who captured it.
/// </summary>
public static class WebhookSignature
{
    public const string Scheme = "sha256=";

    /// <summary>How far a receiver should let the timestamp stray from its clock before refusing a delivery.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var mac = Mac(secret, timestamp, body);
        return Scheme + Convert.ToHexStringLower(mac);
    }

    /// <summary>
    /// What a receiver does: recompute the MAC, compare in constant time (so timing reveals nothing about the expected
    /// value), and refuse a timestamp further than <paramref name="tolerance"/> from <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds) return false;
        if (signatureHeader is null || !signatureHeader.StartsWith(Scheme, StringComparison.Ordinal)) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(signatureHeader.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, timestamp, body));
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
