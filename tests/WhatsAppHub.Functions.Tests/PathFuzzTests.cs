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
            var id = PathFuzz.RandomSegment(random, Shapes);
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
            await PathFuzz.AssertNoServerErrorAsync(fixture.Hub.Http, request);
        }
    }
}
