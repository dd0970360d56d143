namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Text checks several interactive types share: URLs, emoji, line breaks, surrounding spaces.</summary>
public static class InteractiveText
{
    /// <summary>Hub limit for button URLs: Meta's template URL buttons allow 2000 characters.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>An absolute http or https URL the user's phone can open.</summary>
    public static bool IsWebUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !value.Any(char.IsWhiteSpace);

    /// <summary>
    /// True when the text holds an emoji (pictographs, dingbats, flags, or the emoji presentation selector), which
    /// Meta refuses in some button labels.
    /// </summary>
    public static bool HasEmoji(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF or 0xFE0F or 0x200D)
                return true;
        }
        return false;
    }

    public static int LineBreaks(string value) => value.Count(c => c == '\n');

    public static bool HasSurroundingSpace(string value) =>
        value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]));
}
