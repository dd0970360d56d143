using System.Net;
using System.Text.Json;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Subscriptions;

/// <summary>
/// Reads and checks a subscription request: where to deliver (an https URL; http only to a loopback host when the hub
/// allows it, for local receivers), which event types, the signing secret and an optional description.
/// Every broken rule is named by its JSON path.
/// </summary>
public static class SubscriptionRules
{
    public const int MaxEndpointLength = 2048;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxEvents = 50;
    public const int MaxDescriptionLength = 500;

    private static readonly HashSet<string> Members = ["endpoint", "events", "secret", "description"];

    public static (NewSubscription? Subscription, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json, bool allowHttpLoopback)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);

        var endpointText = JsonRules.String(json, "endpoint", JsonPath.Root, errors, required: true, minLength: 1, maxLength: MaxEndpointLength);
        var endpoint = endpointText is null ? null : Endpoint(endpointText, allowHttpLoopback, errors);
        var events = Events(json, errors);
        var secret = JsonRules.String(json, "secret", JsonPath.Root, errors, required: true, minLength: MinSecretLength, maxLength: MaxSecretLength);
        var description = JsonRules.String(json, "description", JsonPath.Root, errors, required: false, maxLength: MaxDescriptionLength);
        JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, Members);

        return errors.IsEmpty ? (new NewSubscription(endpoint!, events, secret!, description), errors.All) : (null, errors.All);
    }

    /// <summary>True when <paramref name="endpoint"/> is a URL the hub may deliver to under these settings.</summary>
    public static bool IsDeliverable(Uri endpoint, bool allowHttpLoopback) =>
        endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && allowHttpLoopback && IsLoopback(endpoint));

    private static Uri? Endpoint(string text, bool allowHttpLoopback, ValidationErrors errors)
    {
        const string path = "$.endpoint";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add(path, "httpsUrl", "'endpoint' must be an absolute https URL.");
            return null;
        }
        // Credentials in the URL would be stored and shown back in every listing; the signature authenticates the hub instead.
        if (uri.UserInfo.Length > 0)
        {
            errors.Add(path, "httpsUrl", "'endpoint' must not carry a user name or password; verify the X-WhatsAppHub-Signature header instead.");
            return null;
        }
        if (uri.Fragment.Length > 0)
        {
            errors.Add(path, "httpsUrl", "'endpoint' must not have a #fragment.");
            return null;
        }
        if (!IsDeliverable(uri, allowHttpLoopback))
        {
            errors.Add(path, "httpsUrl", allowHttpLoopback
                ? "'endpoint' must be https (http only to a loopback host such as 127.0.0.1 or localhost)."
                : "'endpoint' must be https.");
            return null;
        }
        return uri;
    }

    private static IReadOnlyList<string> Events(System.Text.Json.Nodes.JsonObject json, ValidationErrors errors)
    {
        var array = JsonRules.Array(json, "events", JsonPath.Root, errors, required: false, minCount: 1, maxCount: MaxEvents);
        if (array is null) return [EventPatterns.All];
        var patterns = new List<string>();
        var path = JsonPath.Member(JsonPath.Root, "events");
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (array[i] is not { } node || node.GetValueKind() != JsonValueKind.String)
            {
                errors.Add(itemPath, "type", "Each event pattern must be a string.");
                continue;
            }
            var pattern = node.GetValue<string>();
            if (!EventPatterns.IsValid(pattern))
                errors.Add(itemPath, "enum", $"'{Shorten(pattern)}' is not an event type: use *, a type such as message.received or status.read, " +
                    "account.{webhook field}, or a prefix with .* (message.*, status.*, account.*).");
            else if (patterns.Contains(pattern))
                errors.Add(itemPath, "unique", $"'{pattern}' is listed twice.");
            else
                patterns.Add(pattern);
        }
        return patterns;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;
}
