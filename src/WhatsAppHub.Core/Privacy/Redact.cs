namespace WhatsAppHub.Core.Privacy;

/// <summary>
/// Masks what must not reach logs in clear: phone numbers keep their country-code end and last two digits
/// (enough to tell messages apart), secrets keep nothing.
/// </summary>
public static class Redact
{
    public static string PhoneNumber(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        var digits = value.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length <= 4) return new string('*', digits.Length);
        var head = Math.Min(3, digits.Length - 4);
        return $"+{new string(digits, 0, head)}{new string('*', digits.Length - head - 2)}{new string(digits, digits.Length - 2, 2)}";
    }

    public static string Secret(string? value) => string.IsNullOrEmpty(value) ? string.Empty : "***";
}
