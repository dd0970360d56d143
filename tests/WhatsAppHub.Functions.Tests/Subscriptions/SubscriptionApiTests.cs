using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Functions.Subscriptions;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Subscriptions;

/// <summary>Creating, reading, listing and deleting subscriptions over HTTP, and the problems bad requests get.</summary>
[Collection("Subscribers")]
public class SubscriptionApiTests(SubscriberFixture fixture)
{
    private const string Secret = "s3cret-value-that-must-never-show";

    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task Create_answers_201_with_location_and_the_subscription_without_its_secret()
    {
        var endpoint = fixture.Receiver.Endpoint();
        using var response = await Http.PostAsJsonAsync("/api/subscriptions",
            new { endpoint, events = new[] { "status.*", "message.received" }, secret = Secret, description = "CRM" });

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain(Secret, text);
        var created = JsonDocument.Parse(text).RootElement;
        var id = created.GetProperty("id").GetString()!;
        Assert.Matches("^sub-[0-9a-f]{32}$", id);
        Assert.Equal($"/api/subscriptions/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(endpoint, created.GetProperty("endpoint").GetString());
        Assert.Equal(["status.*", "message.received"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CRM", created.GetProperty("description").GetString());
        Assert.True(created.TryGetProperty("createdAt", out _));
        Assert.False(created.TryGetProperty("secret", out _));

        var read = await Http.GetStringAsync(response.Headers.Location);
        Assert.DoesNotContain(Secret, read);
        Assert.Equal(id, JsonDocument.Parse(read).RootElement.GetProperty("id").GetString());

        var list = await Http.GetStringAsync("/api/subscriptions");
        Assert.DoesNotContain(Secret, list);
        Assert.Contains(JsonDocument.Parse(list).RootElement.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetString() == id);

        // The row is a WEBHOOK_CONFIG item; the secret is kept (it keys each delivery's HMAC) but only there.
        var row = await fixture.Table.GetAsync(SubscriptionStore.Partition, id);
        Assert.Equal("WEBHOOK_CONFIG", row!.GetString("itemType"));
        Assert.Equal(Secret, row.GetString("secret"));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Events_default_to_everything()
    {
        using var response = await Http.PostAsJsonAsync("/api/subscriptions", new { endpoint = fixture.Receiver.Endpoint(), secret = Secret });
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["*"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        await Http.DeleteAsync(response.Headers.Location);
    }

    [Fact]
    public async Task Every_bad_field_is_named_in_one_problem()
    {
        using var response = await PostRawAsync("""
            { "endpoint": "ftp://example.com/hook", "events": ["status.*", "status.bogus", 3, "account.*", "status.*", "message.*.*"],
              "secret": "short", "description": 5, "colour": "red" }
            """);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            new[] { "$.endpoint", "$.events[1]", "$.events[2]", "$.events[4]", "$.events[5]", "$.secret", "$.description", "$.colour" }.Order(),
            ProblemAssert.ErrorPaths(problem).Order());
        Assert.DoesNotContain("short", problem.GetProperty("errors").ToString()); // the secret's value is never echoed
    }

    [Theory]
    [InlineData("{}", new[] { "$.endpoint", "$.secret" })]
    [InlineData("""{"endpoint":"http://example.com/hook","secret":"0123456789abcdef"}""", new[] { "$.endpoint" })]
    [InlineData("""{"endpoint":"https://user:pw@example.com/hook","secret":"0123456789abcdef"}""", new[] { "$.endpoint" })]
    [InlineData("""{"endpoint":"not a url","secret":"0123456789abcdef"}""", new[] { "$.endpoint" })]
    [InlineData("""{"endpoint":"https://example.com/hook","secret":"0123456789abcdef","events":[]}""", new[] { "$.events" })]
    [InlineData("""{"endpoint":"https://example.com/hook","secret":"0123456789abcdef","events":"*"}""", new[] { "$.events" })]
    [InlineData("""{"endpoint":"https://example.com/hook","secret":12345678901234567}""", new[] { "$.secret" })]
    [InlineData("[1]", new[] { "$" })]
    [InlineData("{\"endpoint\":", new[] { "$" })]
    public async Task Bad_bodies_get_400_naming_the_field(string body, string[] paths)
    {
        using var response = await PostRawAsync(body);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(paths.Order(), ProblemAssert.ErrorPaths(problem).Order());
    }

    [Fact]
    public async Task A_secret_longer_than_256_characters_is_refused()
    {
        using var response = await Http.PostAsJsonAsync("/api/subscriptions", new { endpoint = "https://example.com/h", secret = new string('k', 257) });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.secret"], ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task Non_json_content_type_gets_415()
    {
        using var response = await Http.PostAsync("/api/subscriptions", new StringContent("endpoint=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task Deleted_and_unknown_subscriptions_are_404()
    {
        using var created = await Http.PostAsJsonAsync("/api/subscriptions", new { endpoint = fixture.Receiver.Endpoint(), secret = Secret });
        var location = created.Headers.Location!;

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync(location)).StatusCode);
        await ProblemAssert.IsProblem(await Http.GetAsync(location), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.DeleteAsync(location), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.GetAsync(location + "/deliveries"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.GetAsync("/api/subscriptions/sub-%7C..%2F"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.PostAsync($"{location}/deliveries/0000000000000000000-000000000000000000000000/retry", null),
            HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Delivery_listing_rejects_bad_filters_by_name()
    {
        using var created = await Http.PostAsJsonAsync("/api/subscriptions", new { endpoint = fixture.Receiver.Endpoint(), secret = Secret });

        using var response = await Http.GetAsync($"{created.Headers.Location}/deliveries?status=lost&limit=0&continuation=%%%");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(new[] { "query.status", "query.limit", "query.continuation" }.Order(), ProblemAssert.ErrorPaths(problem).Order());
        await Http.DeleteAsync(created.Headers.Location);
    }

    [Fact]
    public async Task Routes_need_the_function_key()
    {
        using var response = await fixture.Hub.Anonymous.GetAsync("/api/subscriptions");
        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    private Task<HttpResponseMessage> PostRawAsync(string body) =>
        Http.PostAsync("/api/subscriptions", new StringContent(body, Encoding.UTF8, "application/json"));
}
