using System.Net.Http.Headers;
using System.Text;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Subscriptions;

/// <summary>
/// Seeded mutations of a valid subscription body, and random ids in the subscription paths: never a 5xx, every refusal a
/// problem document, and no answer ever shows the secret.
/// </summary>
[Collection("Subscribers")]
public class SubscriptionFuzzTests(SubscriberFixture fixture)
{
    private const string Secret = "fuzz-secret-0123456789";

    [Fact]
    public async Task Mutated_bodies_get_a_problem_or_a_subscription_never_a_server_error()
    {
        var seed = $$"""{"endpoint":"{{fixture.Receiver.Endpoint()}}","events":["status.*","message.received","account.calls"],"secret":"{{Secret}}","description":"fuzz"}""";
        var mutator = new JsonMutator(new Random(4242));
        var created = new List<Uri>();
        for (var i = 0; i < 300; i++)
        {
            var content = new ByteArrayContent(mutator.Mutate(seed));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await fixture.Hub.Http.PostAsync("/api/subscriptions", content);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"got {status}: {text}");
            Assert.DoesNotContain(Secret, text);
            if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            else created.Add(response.Headers.Location!);
        }
        foreach (var location in created) await fixture.Hub.Http.DeleteAsync(location);
    }

    [Fact]
    public async Task Random_ids_in_subscription_paths_get_no_server_error()
    {
        var random = new Random(9457);
        string[] shapes = ["sub-", "sub-0196f6e2", "0000000000000000000-", "DLV|", "..", "%2F", "x"];
        for (var i = 0; i < 300; i++)
        {
            var id = Uri.EscapeDataString(shapes[random.Next(shapes.Length)] + Random(random));
            var other = Uri.EscapeDataString(shapes[random.Next(shapes.Length)] + Random(random));
            using var request = (i % 5) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, $"/api/subscriptions/{id}"),
                1 => new HttpRequestMessage(HttpMethod.Delete, $"/api/subscriptions/{id}"),
                2 => new HttpRequestMessage(HttpMethod.Get, $"/api/subscriptions/{id}/deliveries"),
                3 => new HttpRequestMessage(HttpMethod.Get, $"/api/subscriptions/{id}/deliveries/{other}"),
                _ => new HttpRequestMessage(HttpMethod.Post, $"/api/subscriptions/{id}/deliveries/{other}/retry"),
            };
            using var response = await fixture.Hub.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{request.Method} {request.RequestUri} got {status}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static string Random(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, 40); n > 0; n--)
            text.Append(random.Next(3) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(0x80, 0xd7ff),
                _ => "|/\\#?%'\"0123456789abcdef".AsSpan()[random.Next(24)],
            });
        return text.ToString();
    }
}
