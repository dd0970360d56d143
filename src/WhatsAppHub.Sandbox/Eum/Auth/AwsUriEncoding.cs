using System.Text;

namespace WhatsAppHub.Sandbox.Eum.Auth;

/// <summary>
/// RFC 3986 percent-encoding as SigV4 defines it: only A-Z a-z 0-9 - _ . ~ stay literal, every other
/// UTF-8 byte becomes %XX with upper-case hex. (Uri.EscapeDataString is close but not guaranteed to
/// escape the same set on every runtime, so the rule is spelled out here.)
/// </summary>
public static class AwsUriEncoding
{
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (IsUnreserved(b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>Percent-decoding that, like AWS, leaves '+' as a plus sign (SigV4 clients send spaces as %20).</summary>
    public static string Decode(string value) => Uri.UnescapeDataString(value);

    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';
}
