using System.Globalization;

namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// Reads a $batch response: a multipart/mixed batch with one change-set response whose parts are
/// HTTP responses. Success: one 2xx part per action, in order. Failure: a single error part whose
/// message starts with the 0-based index of the failing action ("1:The specified entity already
/// exists.") and whose Content-ID names it too.
/// </summary>
internal static class TableBatchResponse
{
    internal sealed record Part(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    public static IReadOnlyList<Part> Read(string contentType, string body)
    {
        string batchBoundary = BoundaryOf(contentType)
            ?? throw new FormatException("The $batch response has no multipart boundary.");
        var parts = new List<Part>();
        foreach (string batchPart in SplitMultipart(body, batchBoundary))
        {
            (var headers, string content) = SplitHeaders(batchPart);
            if (headers.TryGetValue("Content-Type", out string? partType) && BoundaryOf(partType) is { } changeSetBoundary)
            {
                parts.AddRange(SplitMultipart(content, changeSetBoundary).Select(ReadHttpPart));
            }
            else
            {
                parts.Add(ReadHttpPart(batchPart));
            }
        }

        return parts;
    }

    /// <summary>The failing action's index: from the "N:" message prefix, else from Content-ID (1-based).</summary>
    public static int? FailedIndex(string? message, IReadOnlyDictionary<string, string> headers)
    {
        if (message is not null)
        {
            int colon = message.IndexOf(':');
            if (colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                return index;
            }
        }

        if (headers.TryGetValue("Content-ID", out string? contentId)
            && int.TryParse(contentId, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id > 0)
        {
            return id - 1;
        }

        return null;
    }

    private static Part ReadHttpPart(string part)
    {
        // Outer headers (Content-Type: application/http ...), then the embedded HTTP response.
        (_, string http) = SplitHeaders(part);
        int lineEnd = http.IndexOf('\n');
        string statusLine = (lineEnd < 0 ? http : http[..lineEnd]).Trim();
        string[] statusParts = statusLine.Split(' ', 3);
        if (statusParts.Length < 2 || !int.TryParse(statusParts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int status))
        {
            throw new FormatException($"Unexpected $batch response line '{statusLine}'.");
        }

        (var headers, string body) = SplitHeaders(lineEnd < 0 ? "" : http[(lineEnd + 1)..]);
        return new Part(status, headers, body.Trim());
    }

    internal static string? BoundaryOf(string contentType)
    {
        foreach (string parameter in contentType.Split(';'))
        {
            string trimmed = parameter.Trim();
            if (trimmed.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return trimmed["boundary=".Length..].Trim('"');
            }
        }

        return null;
    }

    private static IEnumerable<string> SplitMultipart(string body, string boundary)
    {
        string delimiter = "--" + boundary;
        int position = body.IndexOf(delimiter, StringComparison.Ordinal);
        while (position >= 0)
        {
            int start = position + delimiter.Length;
            if (string.CompareOrdinal(body, start, "--", 0, 2) == 0)
            {
                yield break; // closing delimiter
            }

            int next = body.IndexOf(delimiter, start, StringComparison.Ordinal);
            string part = next < 0 ? body[start..] : body[start..next];
            yield return part.TrimStart('\r', '\n');
            position = next;
        }
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int position = 0;
        while (position < text.Length)
        {
            int newline = text.IndexOf('\n', position);
            int end = newline < 0 ? text.Length : newline;
            string line = text[position..end].TrimEnd('\r');
            position = newline < 0 ? text.Length : newline + 1;
            if (line.Length == 0)
            {
                break;
            }

            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, text[position..]);
    }
}
