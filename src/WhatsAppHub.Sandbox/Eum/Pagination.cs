using System.Text;

namespace WhatsAppHub.Sandbox.Eum;

/// <summary>
/// nextToken/maxResults paging over an ordered list. The token is opaque to clients (Base64 of an
/// offset, prefixed so a token from another list or a made-up one is refused rather than misread).
/// </summary>
public static class Pagination
{
    public static (List<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, string? nextToken, int? maxResults, string list, int defaultSize = 100)
    {
        var offset = nextToken is null ? 0 : Decode(nextToken, list);
        var size = maxResults ?? defaultSize;
        var page = items.Skip(offset).Take(size).ToList();
        var next = offset + page.Count < items.Count ? Encode(offset + page.Count, list) : null;
        return (page, next);
    }

    private static string Encode(int offset, string list) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"sandbox:{list}:{offset}"));

    private static int Decode(string token, string list)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var prefix = $"sandbox:{list}:";
            if (text.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(text[prefix.Length..], out var offset) && offset >= 0)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }
        throw EumException.InvalidParameters("The nextToken is not valid for this request.");
    }
}
