using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Suppressions;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Suppressions;

/// <summary>
/// The suppression list as a business uses it over HTTP (add one or a thousand, list, read, remove), the problems bad
/// requests get, and the check campaigns will make per recipient, against the rows really stored in Azurite.
/// </summary>
[Collection("Sns")]
public class SuppressionApiTests(SnsFixture fixture)
{
    private const string Number = HubHost.DefaultPhoneNumberId;

    private HttpClient Http => fixture.Hub.Http;

    private SuppressionStore Store => new(new TableService(StorageConnection.Parse(fixture.Azurite.ConnectionString)));

    [Fact]
    public async Task Adding_answers_201_then_200_and_the_contact_is_suppressed_for_the_categories_given()
    {
        var waId = NewWaId();
        var formatted = $"+{waId[..2]} ({waId[2..6]}) {waId[6..]}";
        using var created = await Http.PostAsJsonAsync("/api/suppressions", new { phoneNumber = formatted, reason = "Asked by phone" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/suppressions/{waId}", created.Headers.Location?.OriginalString);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(waId, first.GetProperty("waId").GetString());
        Assert.Equal("business", first.GetProperty("source").GetString());
        Assert.True(first.GetProperty("allNumbers").GetBoolean());
        Assert.Equal(["marketing"], first.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));

        // The same contact again, by wa_id, widened to utility: the entry is replaced, not duplicated.
        using var again = await Http.PostAsJsonAsync("/api/suppressions", new { waId, categories = new[] { "marketing", "utility" } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("createdAt").GetDateTimeOffset(), second.GetProperty("createdAt").GetDateTimeOffset());

        var read = await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions/{waId}");
        var entry = Assert.Single(read.GetProperty("items").EnumerateArray());
        Assert.Equal(["marketing", "utility"], entry.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.False(entry.TryGetProperty("reason", out _)); // the second request gave none

        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
        Assert.True(await Store.IsSuppressedAsync("phone-number-id-ffff", waId, "utility", default)); // every number
        Assert.False(await Store.IsSuppressedAsync(Number, waId, "authentication", default));
        var other = NewWaId();
        Assert.Equal([waId], await Store.SuppressedAmongAsync(Number, [waId, other, waId], "marketing", default));
    }

    [Fact]
    public async Task An_entry_for_one_number_suppresses_only_that_number_and_is_removed_on_its_own()
    {
        var waId = NewWaId();
        const string otherNumber = "phone-number-id-00000000000000000000000000000bbb";
        using var forOne = await Http.PostAsJsonAsync("/api/suppressions", new { waId, phoneNumberId = $"arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/{Number[16..]}" });
        Assert.Equal(HttpStatusCode.Created, forOne.StatusCode);
        Assert.Equal(Number, (await forOne.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phoneNumberId").GetString()); // the ARN is read as the id
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/suppressions", new { waId, phoneNumberId = otherNumber })).StatusCode);

        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
        Assert.False(await Store.IsSuppressedAsync("phone-number-id-00000000000000000000000000000ccc", waId, "marketing", default));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/suppressions/{waId}?phoneNumberId={otherNumber}")).StatusCode);
        Assert.False(await Store.IsSuppressedAsync(otherNumber, waId, "marketing", default));
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/suppressions/{waId}")).StatusCode);
        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/suppressions/{waId}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.DeleteAsync($"/api/suppressions/{waId}"), HttpStatusCode.NotFound, "not-found");
        Assert.False(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
    }

    [Fact]
    public async Task A_bad_entry_names_each_broken_field()
    {
        using var response = await Http.PostAsJsonAsync("/api/suppressions", new JsonObject
        {
            ["waId"] = "44-7700", ["phoneNumberId"] = "nope", ["reason"] = new string('r', 501),
            ["categories"] = new JsonArray("promo", "marketing", "marketing"), ["until"] = "tomorrow",
        });
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.waId", "$.phoneNumberId", "$.reason", "$.categories[0]", "$.categories[2]", "$.until"], ProblemAssert.ErrorPaths(problem));

        var both = await ProblemAssert.IsProblem(await Http.PostAsJsonAsync("/api/suppressions", new { waId = "447700900123", phoneNumber = "+447700900123" }),
            HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.phoneNumber"], ProblemAssert.ErrorPaths(both));
        var neither = await ProblemAssert.IsProblem(await Http.PostAsJsonAsync("/api/suppressions", new { reason = "who?" }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.waId"], ProblemAssert.ErrorPaths(neither));
        var shortNumber = await ProblemAssert.IsProblem(await Http.PostAsJsonAsync("/api/suppressions", new { phoneNumber = "+44 12" }), HttpStatusCode.BadRequest, "validation");
        Assert.Contains("'phoneNumber'", shortNumber.GetProperty("errors")[0].GetProperty("message").GetString());

        using var text = new StringContent("waId=447700900123", Encoding.UTF8, "text/plain");
        await ProblemAssert.IsProblem(await Http.PostAsync("/api/suppressions", text), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        using var notJson = new StringContent("{\"waId\":", Encoding.UTF8, "application/json");
        await ProblemAssert.IsProblem(await Http.PostAsync("/api/suppressions", notJson), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Bulk_names_every_bad_index_and_writes_nothing_until_all_are_valid()
    {
        var good = NewWaId();
        var body = new JsonObject
        {
            ["entries"] = new JsonArray(
                new JsonObject { ["waId"] = good },
                new JsonObject { ["waId"] = "12" },
                new JsonObject { ["phoneNumber"] = "+" + NewWaId(), ["categories"] = new JsonArray("spam") },
                new JsonObject { ["waId"] = good },
                "447700900123"),
        };
        var problem = await ProblemAssert.IsProblem(await Http.PostAsJsonAsync("/api/suppressions/bulk", body), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.entries[1].waId", "$.entries[2].categories[0]", "$.entries[3]", "$.entries[4]"], ProblemAssert.ErrorPaths(problem));
        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/suppressions/{good}"), HttpStatusCode.NotFound, "not-found");

        var tooMany = new JsonObject { ["entries"] = new JsonArray(Enumerable.Range(0, 1001).Select(_ => (JsonNode)new JsonObject { ["waId"] = NewWaId() }).ToArray()) };
        var refused = await ProblemAssert.IsProblem(await Http.PostAsJsonAsync("/api/suppressions/bulk", tooMany), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.entries"], ProblemAssert.ErrorPaths(refused));
        var empty = await ProblemAssert.IsProblem(await Http.PostAsJsonAsync("/api/suppressions/bulk", new { entries = Array.Empty<object>() }), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.entries"], ProblemAssert.ErrorPaths(empty));
    }

    [Fact]
    public async Task A_thousand_entries_in_bulk_are_all_listed_once_across_pages()
    {
        // A number of its own, so the listing filtered by it holds this test's entries (plus entries for all numbers).
        var number = "phone-number-id-" + Guid.NewGuid().ToString("N");
        var waIds = Enumerable.Range(0, 1000).Select(_ => NewWaId()).Distinct().ToList();
        var body = new { entries = waIds.Select(w => new { waId = w, phoneNumberId = number, reason = "imported" }) };
        using var response = await Http.PostAsJsonAsync("/api/suppressions/bulk", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(waIds.Count, counts.GetProperty("created").GetInt32());
        Assert.Equal(0, counts.GetProperty("updated").GetInt32());

        var again = await (await Http.PostAsJsonAsync("/api/suppressions/bulk", body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(waIds.Count, again.GetProperty("updated").GetInt32());

        var listed = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions?phoneNumberId={number}&source=business&limit=200"
                + (continuation is null ? "" : "&continuation=" + continuation));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 200);
            Assert.All(items, i => Assert.Equal("business", i.GetProperty("source").GetString()));
            listed.AddRange(items.Where(i => i.TryGetProperty("phoneNumberId", out var n) && n.GetString() == number).Select(i => i.GetProperty("waId").GetString()!));
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
            pages++;
        } while (continuation is not null);
        Assert.True(pages >= 5, $"{pages} pages");
        Assert.Equal(waIds.Order(StringComparer.Ordinal), listed); // once each, in wa_id order
    }

    [Fact]
    public async Task Bad_queries_and_route_ids_are_named()
    {
        var problem = await ProblemAssert.IsProblem(await Http.GetAsync("/api/suppressions?source=robot&limit=0&phoneNumberId=x&continuation=%21"),
            HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["query.phoneNumberId", "query.source", "query.limit", "query.continuation"], ProblemAssert.ErrorPaths(problem));

        var get = await ProblemAssert.IsProblem(await Http.GetAsync("/api/suppressions/abc"), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["route.waId"], ProblemAssert.ErrorPaths(get));
        var delete = await ProblemAssert.IsProblem(await Http.DeleteAsync("/api/suppressions/12?phoneNumberId=x"), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["route.waId", "query.phoneNumberId"], ProblemAssert.ErrorPaths(delete));
    }

    [Fact]
    public async Task The_routes_need_the_function_key()
    {
        using var anonymous = new HttpClient { BaseAddress = Http.BaseAddress };
        await ProblemAssert.IsProblem(await anonymous.GetAsync("/api/suppressions"), HttpStatusCode.Unauthorized, "unauthorized");
        await ProblemAssert.IsProblem(await anonymous.PostAsJsonAsync("/api/suppressions", new { waId = NewWaId() }), HttpStatusCode.Unauthorized, "unauthorized");
    }

    internal static string NewWaId() => "4477" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
}
