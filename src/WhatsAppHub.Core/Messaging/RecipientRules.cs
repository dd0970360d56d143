using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// Rules for <c>to</c>: Meta accepts a phone number with <c>+</c>, <c>-</c>, <c>(</c>, <c>)</c> and spaces,
/// and an E.164 number has at most 15 digits.
/// </summary>
public static class RecipientRules
{
    public const int MinDigits = 5;
    public const int MaxDigits = 15;

    public static void Validate(string to, string path, ValidationErrors errors)
    {
        var digits = 0;
        foreach (var c in to)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not ('+' or '-' or '(' or ')' or ' '))
            {
                errors.Add(path, "phoneNumber", $"'to' may hold only digits, '+', '-', '(', ')' and spaces; found '{Printable(c)}'.");
                return;
            }
        }
        if (digits is < MinDigits or > MaxDigits)
            errors.Add(path, "phoneNumber", $"'to' must be a phone number with country code of {MinDigits} to {MaxDigits} digits (has {digits}).");
    }

    /// <summary>The WhatsApp id Meta derives from a number: its digits only.</summary>
    public static string ToWaId(string to) => string.Concat(to.Where(char.IsAsciiDigit));

    private static string Printable(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
}
