using System.Text.RegularExpressions;

namespace WhatsAppHub.Core.Messaging;

/// <summary>The EUM phone-number id of a sending number: <c>phone-number-id-…</c> or its ARN (model shape WhatsAppPhoneNumberId).</summary>
public static partial class PhoneNumberId
{
    public const int MaxLength = 115;

    public static bool IsValid(string value) => value.Length is >= 1 and <= MaxLength && Pattern().IsMatch(value);

    [GeneratedRegex(@"(^phone-number-id-.*$)|(^arn:.*:phone-number-id/[0-9a-zA-Z]+$)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
