namespace WhatsAppHub.Sandbox.Faults;

/// <summary>
/// How a Meta Cloud API error comes back through EUM's SendWhatsAppMessage. The reference leaves the exact form
/// unconfirmed (eum-events-sns-media.md §5.2), so the sandbox takes the closest reading of the model: Meta's client
/// errors (HTTP 4xx at Meta) are the caller's parameters as far as EUM knows → <c>InvalidParametersException</c> (400);
/// Meta's server errors (5xx) are a failed dependency → <c>DependencyException</c> (502). Either way the message is
/// Meta's own text, <c>(#code) title</c>, which is how clients read the code (as the sandbox already answers #100).
/// </summary>
public static class MetaErrors
{
    private static readonly Dictionary<int, (int MetaStatus, string Title)> Known = new()
    {
        [2] = (503, "Service temporarily unavailable"),
        [4] = (400, "Application request limit reached"),
        [100] = (400, "Invalid parameter"),
        [80007] = (400, "Rate limit issues"),
        [130429] = (400, "Rate limit hit"),
        [131000] = (500, "Something went wrong"),
        [131016] = (500, "Service unavailable"),
        [131026] = (400, "Message undeliverable"),
        [131047] = (400, "Re-engagement message"),
        [131048] = (400, "Spam rate limit hit"),
        [131049] = (400, "Meta chose not to deliver"),
        [131056] = (400, "(Business Account, Consumer Account) pair rate limit hit"),
        [131057] = (500, "Account in maintenance mode"),
        [133004] = (503, "Server temporarily unavailable"),
    };

    public static bool IsKnown(int code) => Known.ContainsKey(code);

    public static IEnumerable<int> Codes => Known.Keys.Order();

    /// <summary>The EUM answer (status, error type, message) for a Meta error code.</summary>
    public static (int Status, string ErrorType, string Message) Answer(int code)
    {
        var (metaStatus, title) = Known[code];
        return metaStatus >= 500
            ? (502, "DependencyException", $"(#{code}) {title}")
            : (400, "InvalidParametersException", $"(#{code}) {title}");
    }
}
