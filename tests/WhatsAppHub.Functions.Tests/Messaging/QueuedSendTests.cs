using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging;

/// <summary>The queued send path as a caller sees it: 202 + Location, idempotency, the 24-hour window, listing, read receipts.</summary>
[Collection("Hub")]
public class QueuedSendTests(HubFixture fixture)
{
    [Fact]
    public async Task A_send_is_accepted_with_its_location_and_ends_sent_with_a_wamid()
    {
        const string to = "+15550001001";
        await fixture.Hub.OpenServiceWindowAsync(to);

        var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages/text", new { to, text = new { body = "queued hello" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal($"/api/messages/{accepted.GetProperty("id").GetString()}", location);

        var sent = await Messages.WaitForStatusAsync(fixture.Hub.Http, location, "sent");
        Assert.StartsWith("wamid.", sent.GetProperty("wamid").GetString());
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_give_the_same_message_and_one_send()
    {
        const string to = "+15550001002";
        await fixture.Hub.OpenServiceWindowAsync(to);
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(key, to, "only once");
        var second = await PostWithKeyAsync(key, to, "only once");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(firstId, secondId);
        Assert.Equal(first.Headers.Location, second.Headers.Location);

        await Messages.WaitForStatusAsync(fixture.Hub.Http, first.Headers.Location!.OriginalString, "sent");
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_another_body_is_a_conflict()
    {
        const string to = "+15550001003";
        await fixture.Hub.OpenServiceWindowAsync(to);
        var key = Guid.NewGuid().ToString();

        await PostWithKeyAsync(key, to, "first body");
        var conflict = await PostWithKeyAsync(key, to, "another body");

        await ProblemAssert.IsProblem(conflict, HttpStatusCode.Conflict, "idempotency-conflict");
    }

    [Fact]
    public async Task A_bad_idempotency_key_or_wait_option_is_named_in_the_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages?wait=maybe&timeout=999")
        {
            Content = new StringContent("""{"to":"15550001004","type":"text","text":{"body":"x"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", new string('k', 300));

        var problem = await ProblemAssert.IsProblem(await fixture.Hub.Http.SendAsync(request), HttpStatusCode.BadRequest, "validation");

        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("query.wait", paths);
        Assert.Contains("query.timeout", paths);
        Assert.Contains("header.Idempotency-Key", paths);
    }

    [Fact]
    public async Task A_free_form_message_to_a_contact_who_never_wrote_is_refused_and_not_sent()
    {
        const string to = "+15550001005";

        var response = await fixture.Hub.Http.PostAsJsonAsync("/api/messages", new { to, type = "text", text = new { body = "cold outreach" } });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.UnprocessableEntity, "service-window-closed");
        Assert.Contains("template", problem.GetProperty("hint").GetString());
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
        var listed = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages?to={Uri.EscapeDataString(to)}");
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Messages_are_listed_by_recipient_and_status_page_by_page()
    {
        const string to = "+15550001006";
        await fixture.Hub.OpenServiceWindowAsync(to);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var sent = await fixture.Hub.Http.PostAsJsonAsync("/api/messages?wait=true", new { to, type = "text", text = new { body = $"page {i}" } });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
            ids.Add((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var url = $"/api/messages?to={Uri.EscapeDataString(to)}&status=sent&from={Uri.EscapeDataString(since.ToString("O"))}&limit=1" +
                      (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            var page = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>(url);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
        } while (continuation is not null);

        Assert.Equal(ids, seen); // oldest first, every one, nothing else
        var failedOnly = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages?to={Uri.EscapeDataString(to)}&status=failed");
        Assert.Empty(failedOnly.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Bad_list_filters_are_named_in_the_problem()
    {
        var response = await fixture.Hub.Http.GetAsync("/api/messages?status=lost&limit=0&from=yesterday&continuation=%%%");

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        var paths = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["query.status", "query.from", "query.limit", "query.continuation"], paths);
    }

    [Fact]
    public async Task Marking_a_message_read_sends_the_receipt_with_a_typing_indicator()
    {
        const string wamid = "wamid.HBgLMTU1NTAwMDEwMDcVAgASGBQzQTdCRkQ2QzY0QUY5NTk5RUY0MwA=";

        var response = await fixture.Hub.Http.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(wamid)}/read", new { typingIndicator = true });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var list = all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("messages");
        var receipt = list.EnumerateArray().Select(m => m.GetProperty("message"))
            .Single(m => m.TryGetProperty("message_id", out var id) && id.GetString() == wamid);
        Assert.Equal("read", receipt.GetProperty("status").GetString());
        Assert.Equal("text", receipt.GetProperty("typing_indicator").GetProperty("type").GetString());
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string key, string to, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new { to, type = "text", text = new { body } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return fixture.Hub.Http.SendAsync(request);
    }
}
