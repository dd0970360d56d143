using System.Text.RegularExpressions;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>A stored subscriber (WEBHOOK_CONFIG): where events go, which types, and the secret that signs them.</summary>
public sealed record Subscription(string Id, Uri Endpoint, IReadOnlyList<string> Events, string Secret, string? Description, DateTimeOffset CreatedAt);

/// <summary>Subscription ids: <c>sub-</c> and a version-7 GUID in hex, so they sort by creation time and are never confused with other ids.</summary>
public static partial class SubscriptionIds
{
    public const string Prefix = "sub-";

    public static string New() => Prefix + Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string id) => Pattern().IsMatch(id);

    [GeneratedRegex("^sub-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
