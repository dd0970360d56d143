using Azure.Core;

namespace WhatsAppHub.Azure.Storage;

/// <summary>Request parts both SharedKey string-to-sign builders read.</summary>
internal static class SharedKeyHeaders
{
    public static string Get(Request request, string name) =>
        request.Headers.TryGetValue(name, out string? value) ? value ?? "" : "";

    /// <summary>The query parameters with lower-case names and decoded values.</summary>
    public static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri)
    {
        string query = uri.Query;
        if (query.Length <= 1)
        {
            yield break;
        }

        foreach (string pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            string name = equals < 0 ? pair : pair[..equals];
            string value = equals < 0 ? "" : pair[(equals + 1)..];
            yield return (Uri.UnescapeDataString(name).ToLowerInvariant(), Uri.UnescapeDataString(value));
        }
    }
}
