using System.Text.RegularExpressions;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Subscriptions;

/// <summary>
/// Which event-type patterns a subscription may ask for: <c>*</c>, a known type (<c>message.received</c>,
/// <c>status.read</c>, <c>account.account_update</c>, …) or a known prefix followed by <c>.*</c> (<c>status.*</c>).
/// Checked when the subscription is made, so a typo is refused instead of silently matching nothing forever.
/// </summary>
public static partial class EventPatterns
{
    public const string All = "*";

    /// <summary>The status event suffixes the hub emits (<c>status.sent</c>, …).</summary>
    public static IReadOnlyList<string> StatusTypes { get; } = ["sent", "delivered", "read", "played", "failed"];

    /// <summary>The payment status event suffixes (Payments India): <c>payment.captured</c>, …</summary>
    public static IReadOnlyList<string> PaymentTypes { get; } = ["captured", "pending", "failed"];

    /// <summary>The prefixes that <c>{prefix}.*</c> may name.</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["message", "status", "account", "payment"];

    /// <summary>The exact types that need no field name.</summary>
    public static IReadOnlyList<string> FixedTypes { get; } =
        [HubEventTypes.MessageReceived, HubEventTypes.Error, HubEventTypes.Unknown, .. StatusTypes.Select(s => HubEventTypes.StatusPrefix + s),
         .. PaymentTypes.Select(s => HubEventTypes.PaymentPrefix + s)];

    public static bool IsValid(string pattern)
    {
        if (pattern == All || FixedTypes.Contains(pattern)) return true;
        if (pattern.EndsWith(".*", StringComparison.Ordinal)) return Prefixes.Contains(pattern[..^2]);
        // Account events carry Meta's webhook field, and Meta adds fields over time: any well-formed field name is
        // a type the hub can emit (it keeps unknown fields rather than dropping them).
        return pattern.StartsWith(HubEventTypes.AccountPrefix, StringComparison.Ordinal)
            && FieldPattern().IsMatch(pattern.AsSpan(HubEventTypes.AccountPrefix.Length));
    }

    /// <summary>True when any of <paramref name="patterns"/> matches <paramref name="type"/>.</summary>
    public static bool AnyMatches(IReadOnlyList<string> patterns, string type)
    {
        foreach (var pattern in patterns)
            if (HubEventTypes.Matches(pattern, type)) return true;
        return false;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPattern();
}
