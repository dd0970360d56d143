using System.Text;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>
/// What the path and query fuzz tests share: ids as callers may send them (any character, escaped; long; look-alikes
/// of real ids) and the one rule every answer keeps: a 2xx or a 4xx problem document, never a 5xx.
/// </summary>
public static class PathFuzz
{
    /// <summary>Up to 700 characters of any kind but NUL (Kestrel refuses a path with %00 itself, an empty 400, before any app code runs).</summary>
    public static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, random.Next(2) == 0 ? 40 : 700); n > 0; n--)
            text.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(1, 0x20),
                2 => (char)random.Next(0x80, 0xd7ff),
                _ => "|/\\#?%'\"".AsSpan()[random.Next(8)],
            });
        return text.ToString();
    }

    /// <summary>One of <paramref name="shapes"/> and random text, escaped for a path segment; never empty.</summary>
    public static string RandomSegment(Random random, IReadOnlyList<string> shapes)
    {
        var id = Uri.EscapeDataString(shapes[random.Next(shapes.Count)] + RandomText(random));
        return id.Length == 0 ? "a" : id;
    }

    /// <summary>Sends <paramref name="request"/>: a 5xx fails the test, and so does a 4xx that is not a problem document.</summary>
    public static async Task AssertNoServerErrorAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status >= 500)
            Assert.Fail($"{request.Method} {request.RequestUri} got {status}: {await response.Content.ReadAsStringAsync()}");
        if (status >= 400)
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                $"{request.Method} {request.RequestUri} got {status} without a problem document");
    }
}
