using System.Text;
using WhatsAppHub.Functions.Templates;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests;

/// <summary>
/// Ids and template names in paths come from callers too: random ones (any character, escaped; long; look-alikes of
/// real ids) read, change, delete and mark as read nothing, and answer a 4xx problem document or a 2xx, never a 5xx.
/// </summary>
[Collection("Hub")]
public class PathFuzzTests(HubFixture fixture)
{
    /// <summary>The generic template send and each typed one (<c>/send/{kind}</c>).</summary>
    private static readonly string[] SendRoutes = ["", .. TemplateSendKinds.All.Select(k => "/" + k.Route)];

    private static readonly string[] Shapes = ["wamid.", "hubmedia-", "0196f6e2", "MSG|", "..", "%2F", "", "x", "+4477009", "order_shipped", "TEMPLATE|"];

    [Fact]
    public async Task Random_ids_in_paths_get_no_server_error()
    {
        var random = new Random(9457);
        for (var i = 0; i < 2100; i++)
        {
            var id = Uri.EscapeDataString(Shapes[random.Next(Shapes.Length)] + RandomText(random));
            if (id.Length == 0) id = "a";
            using var request = (i % 14) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, $"/api/messages/{id}"),
                1 => new HttpRequestMessage(HttpMethod.Get, $"/api/media/{id}"),
                2 => new HttpRequestMessage(HttpMethod.Delete, $"/api/media/{id}"),
                3 => new HttpRequestMessage(HttpMethod.Get, $"/api/messages/{id}/statuses"),
                4 => new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{id}"),
                5 => new HttpRequestMessage(HttpMethod.Get, $"/api/conversations/{id}/messages"),
                6 => new HttpRequestMessage(HttpMethod.Post, $"/api/templates/{id}/send{SendRoutes[i / 13 % SendRoutes.Length]}")
                {
                    Content = new StringContent("""{"to":"+447700900123","language":"en_US"}""", Encoding.UTF8, "application/json"),
                },
                7 => new HttpRequestMessage(HttpMethod.Get, $"/api/suppressions/{id}"),
                8 => new HttpRequestMessage(HttpMethod.Delete, $"/api/suppressions/{id}"),
                9 => new HttpRequestMessage(HttpMethod.Post, $"/api/messages/{id}/read"),
                10 => new HttpRequestMessage(HttpMethod.Get, $"/api/templates/{id}?language=en_US"),
                11 => new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{id}?language=en_US")
                {
                    Content = new StringContent("""{"category":"UTILITY"}""", Encoding.UTF8, "application/json"),
                },
                12 => new HttpRequestMessage(HttpMethod.Delete, $"/api/templates/{id}?language=en_US"),
                13 => new HttpRequestMessage(HttpMethod.Get, $"/api/templates/{id}/analytics"),
                _ => new HttpRequestMessage(HttpMethod.Post, $"/api/templates/library/{id}")
                {
                    Content = new StringContent("""{"name":"fuzz_copy","language":"en_US","category":"UTILITY"}""", Encoding.UTF8, "application/json"),
                },
            };
            using var response = await fixture.Hub.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
                Assert.Fail($"{request.Method} {request.RequestUri} got {status}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{request.Method} {request.RequestUri} got {status} without a problem document");
        }
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, random.Next(2) == 0 ? 40 : 700); n > 0; n--)
            text.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(1, 0x20), // not NUL: Kestrel refuses a path with %00 itself (an empty 400) before any app code runs
                2 => (char)random.Next(0x80, 0xd7ff),
                _ => "|/\\#?%'\"".AsSpan()[random.Next(8)],
            });
        return text.ToString();
    }
}
