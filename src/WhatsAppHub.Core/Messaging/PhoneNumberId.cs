using System.Text.RegularExpressions;

namespace WhatsAppHub.Core.Messaging;

/// <summary>The EUM phone-number id of a sending number: <c>phone-number-id-…</c> or its ARN (model shape WhatsAppPhoneNumberId).</summary>
public static partial class PhoneNumberId
{
    public const int MaxLength = 115;

    public static bool IsValid(string value) => value.Length is >= 1 and <= MaxLength && Pattern().IsMatch(value);

    /// <summary>
    /// One spelling per number, so keys built from it match whichever form a caller or an event used:
    /// an ARN <c>arn:…:phone-number-id/{hex}</c> becomes <c>phone-number-id-{hex}</c>.
    /// </summary>
    public static string Normalize(string value)
    {
        const string arnMarker = ":phone-number-id/";
        var at = value.LastIndexOf(arnMarker, StringComparison.Ordinal);
        return value.StartsWith("arn:", StringComparison.Ordinal) && at >= 0
            ? "phone-number-id-" + value[(at + arnMarker.Length)..]
            : value;
    }

    [GeneratedRegex(@"(^phone-number-id-.*$)|(^arn:.*:phone-number-id/[0-9a-zA-Z]+$)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
