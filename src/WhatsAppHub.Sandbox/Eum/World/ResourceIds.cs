using System.Security.Cryptography;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>
/// EUM ids and ARNs. The prefixed id (<c>waba-&lt;hex&gt;</c>) and the ARN (<c>…:waba/&lt;hex&gt;</c>) name the
/// same resource; ARN patterns allow only the bare alphanumeric part after the slash (eum-api.md §1.2).
/// </summary>
public sealed class ResourceIds(string region, string accountId)
{
    public const string WabaPrefix = "waba-";
    public const string PhonePrefix = "phone-number-id-";

    public string WabaArn(string wabaId) => $"arn:aws:social-messaging:{region}:{accountId}:waba/{Bare(wabaId, WabaPrefix)}";

    public string PhoneArn(string phoneNumberId) => $"arn:aws:social-messaging:{region}:{accountId}:phone-number-id/{Bare(phoneNumberId, PhonePrefix)}";

    public static string NewHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A numeric id of the given length, like Meta's template and media ids.</summary>
    public static string NewNumeric(int digits)
    {
        var chars = new char[digits];
        chars[0] = (char)('1' + RandomNumberGenerator.GetInt32(9));
        for (var i = 1; i < digits; i++)
        {
            chars[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }
        return new string(chars);
    }

    private static string Bare(string id, string prefix) => id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;
}
