using System.Globalization;
using System.Text;
using Azure.Core;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// The SharedKey string-to-sign of the Blob/Queue/File services (versions 2015-02-21 and later):
/// the verb, eleven standard headers one per line (Content-Length empty when zero, Date empty because
/// <c>x-ms-date</c> is sent), the canonicalized <c>x-ms-*</c> headers (lower-case, sorted,
/// <c>name:value\n</c>), and the canonicalized resource (<c>/{account}{encoded path}</c> followed by
/// every query parameter as <c>\nname:value</c>, names lower-case and sorted, values decoded, repeated
/// values joined by commas).
/// </summary>
internal static class QueueStringToSign
{
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public static string Build(Request request, string accountName)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.Method.ToUpperInvariant()).Append('\n');

        foreach (string header in StandardHeaders)
        {
            string value = header == "Content-Length" ? ContentLength(request) : SharedKeyHeaders.Get(request, header);
            builder.Append(value).Append('\n');
        }

        foreach (var (name, value) in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        Uri uri = request.Uri.ToUri();
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        foreach (var group in SharedKeyHeaders.QueryParameters(uri)
                     .GroupBy(p => p.Name)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    // The transport sets Content-Length from the content, so it is not among the request headers yet.
    private static string ContentLength(Request request) =>
        request.Content is not null && request.Content.TryComputeLength(out long length) && length > 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : "";
}
