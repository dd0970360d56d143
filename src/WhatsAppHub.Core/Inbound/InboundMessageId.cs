using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// The hub id of a received message, derived from its wamid so every delivery of the same webhook (SNS retries, Meta
/// resending it under a new SNS MessageId, two instances at once) names the same MESSAGE row and insert-if-absent
/// stores it once. Shaped like the version-7 ids of sent messages (32 hex digits, version nibble 7, variant 10xx) so
/// the Messages table's keys and time-range listings treat both alike: the first 12 digits are the message's
/// timestamp in Unix milliseconds, the rest is a SHA-256 of the wamid instead of random bits.
/// </summary>
public static class InboundMessageId
{
    public static string From(string wamid, DateTimeOffset? timestamp)
    {
        var ms = Math.Max(0, timestamp?.ToUnixTimeMilliseconds() ?? 0);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(wamid));
        var random = Convert.ToHexStringLower(hash, 0, 10); // 20 hex digits; 18 of them are used
        var text = new StringBuilder(32)
            .Append(ms.ToString("x12", CultureInfo.InvariantCulture))
            .Append('7').Append(random, 0, 3)
            .Append("89ab"[Convert.ToInt32(random[3].ToString(), 16) & 3]).Append(random, 4, 3)
            .Append(random, 7, 12);
        return text.ToString();
    }
}
