using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Sandbox.Eum;

/// <summary>
/// WhatsApp message ids look like <c>wamid.HBgM…</c>: Base64 of a small binary record holding the
/// recipient's number and a random message key. The sandbox builds them the same way so that clients
/// meet the real length, alphabet (+, /, =) and prefix.
/// </summary>
public static class Wamid
{
    public static string New(string recipientDigits)
    {
        var phone = Encoding.ASCII.GetBytes(recipientDigits.Length is > 0 and < 64 ? recipientDigits : "0");
        var key = Encoding.ASCII.GetBytes(Convert.ToHexString(RandomNumberGenerator.GetBytes(10)));
        var bytes = new List<byte> { 0x1C, 0x18, (byte)phone.Length };
        bytes.AddRange(phone);
        bytes.AddRange([0x15, 0x02, 0x00, 0x11, 0x18, (byte)key.Length]);
        bytes.AddRange(key);
        bytes.Add(0x00);
        return "wamid." + Convert.ToBase64String(bytes.ToArray());
    }
}
