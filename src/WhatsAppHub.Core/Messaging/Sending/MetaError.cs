using System.Globalization;
using System.Text.RegularExpressions;

namespace WhatsAppHub.Core.Messaging.Sending;

/// <summary>
/// Meta's error codes and whether a send that met one can be tried again (whatsapp-cloud-api.md §6.5; the retry column
/// is our policy). Meta writes the code into its message as <c>(#131056) …</c>; EUM passes Meta's text on, so the code
/// is read from there.
/// </summary>
public static partial class MetaError
{
    /// <summary>Codes worth another attempt, with the least a retry should wait.</summary>
    private static readonly Dictionary<int, TimeSpan> Retryable = new()
    {
        [2] = TimeSpan.FromSeconds(1),              // service temporarily unavailable
        [4] = TimeSpan.FromMinutes(1),              // app call rate limit
        [80007] = TimeSpan.FromSeconds(30),         // WABA rate limit
        [130429] = TimeSpan.FromSeconds(1),         // throughput (mps) limit
        [131000] = TimeSpan.FromSeconds(2),         // unknown send failure
        [131016] = TimeSpan.FromSeconds(2),         // service temporarily unavailable
        [131056] = TimeSpan.FromSeconds(6),         // pair rate limit: about one message per 6 s to one user
        [131057] = TimeSpan.FromMinutes(1),         // maintenance mode
        [133004] = TimeSpan.FromSeconds(2),         // server temporarily unavailable
        [134101] = TimeSpan.FromMinutes(10),        // MM Lite: template still syncing (up to 10 min)
        [2494100] = TimeSpan.FromMinutes(1),        // number in maintenance (migration)
    };

    /// <summary>The code in a text such as <c>(#131056) Pair rate limit hit</c>, if there is one.</summary>
    public static int? FindCode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = CodePattern().Match(text);
        return match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    /// <summary>Meta's title after the code, as in <c>(#131047) Re-engagement message</c> → "Re-engagement message".</summary>
    public static string? FindTitle(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var match = CodePattern().Match(text);
        if (!match.Success) return null;
        var title = text[(match.Index + match.Length)..].Trim();
        var end = title.IndexOfAny(['\n', '.']);
        title = (end > 0 ? title[..end] : title).Trim();
        return title.Length > 0 ? title : null;
    }

    /// <summary>True when a send that failed with <paramref name="code"/> may be tried again, and the least wait before it.</summary>
    public static bool IsRetryable(int code, out TimeSpan minimumDelay) => Retryable.TryGetValue(code, out minimumDelay);

    /// <summary>131056: the limit is per recipient, so only that recipient's messages should slow down.</summary>
    public const int PairRateLimit = 131056;

    /// <summary>131047: the 24-hour window is closed; only a template can reach the contact.</summary>
    public const int ReEngagement = 131047;

    [GeneratedRegex(@"\(#(\d{1,9})\)", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
