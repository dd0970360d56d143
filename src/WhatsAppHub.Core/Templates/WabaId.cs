using System.Text.RegularExpressions;

namespace WhatsAppHub.Core.Templates;

/// <summary>The EUM id of a linked WhatsApp Business Account: <c>waba-…</c> or its ARN (model shape LinkedWhatsAppBusinessAccountId).</summary>
public static partial class WabaId
{
    public const int MaxLength = 115;

    public static bool IsValid(string value) => value.Length is >= 1 and <= MaxLength && Pattern().IsMatch(value);

    /// <summary>One spelling per account, so keys match whichever form a caller used: <c>arn:…:waba/{hex}</c> becomes <c>waba-{hex}</c>.</summary>
    public static string Normalize(string value)
    {
        const string arnMarker = ":waba/";
        var at = value.LastIndexOf(arnMarker, StringComparison.Ordinal);
        return value.StartsWith("arn:", StringComparison.Ordinal) && at >= 0 ? "waba-" + value[(at + arnMarker.Length)..] : value;
    }

    // Stricter than the model's "waba-.*": EUM's ids are hex, and nothing else should reach a key or a log line.
    [GeneratedRegex(@"(^waba-[0-9a-zA-Z]+$)|(^arn:aws[a-z-]*:social-messaging:[a-z0-9-]+:\d{12}:waba/[0-9a-zA-Z]+$)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
