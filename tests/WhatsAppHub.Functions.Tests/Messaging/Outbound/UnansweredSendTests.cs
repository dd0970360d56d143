using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>
/// A send that reached EUM but got no answer (a dropped connection, an answer later than the EUM time-out) is never
/// sent a second time: with no status webhook to settle it, it ends failed with outcome unknown.
/// </summary>
[Collection("Faults")]
public class UnansweredSendTests(FaultsFixture fixture)
{
    [Fact]
    public async Task A_dropped_answer_ends_outcome_unknown_and_the_message_is_sent_once()
    {
        const string to = "+15550030001";
        await fixture.SetFaultsAsync("""{"rules":[{"fault":"drop","to":"15550030001"}]}""");

        using var response = await SendAsync(to);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.GatewayTimeout, "outcome-unknown");
        Assert.Equal("OutcomeUnknown", problem.GetProperty("eumErrorType").GetString());
        Assert.True(problem.GetProperty("retryable").GetBoolean());
        await AssertSentOnceAndFailedUnknownAsync(problem.GetProperty("messageId").GetString()!, to);
    }

    [Fact]
    public async Task An_answer_later_than_the_EUM_time_out_ends_outcome_unknown_and_the_message_is_sent_once()
    {
        const string to = "+15550030002";
        // The fixture's hub gives EUM 3 s.
        await fixture.SetFaultsAsync("""{"rules":[{"fault":"latency","latencyMs":4500,"to":"15550030002"}]}""");

        using var response = await SendAsync(to);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.GatewayTimeout, "outcome-unknown");
        await AssertSentOnceAndFailedUnknownAsync(problem.GetProperty("messageId").GetString()!, to);
    }

    [Fact]
    public async Task A_slow_answer_within_the_time_out_is_sent()
    {
        const string to = "+15550030003";
        await fixture.SetFaultsAsync("""{"rules":[{"fault":"latency","latencyMs":1000,"to":"15550030003"}]}""");

        using var response = await SendAsync(to);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, sent.GetProperty("attempts").GetInt32());
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    private async Task AssertSentOnceAndFailedUnknownAsync(string messageId, string to)
    {
        var stored = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{messageId}");
        Assert.Equal("failed", stored.GetProperty("status").GetString());
        Assert.Equal(1, stored.GetProperty("attempts").GetInt32());
        Assert.Equal("OutcomeUnknown", stored.GetProperty("error").GetProperty("type").GetString());
        await Task.Delay(3000); // past any back-off: a resend would show now
        var calls = await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to);
        var call = Assert.Single(calls);
        Assert.True(call.GetProperty("accepted").GetBoolean()); // it did go out: only the answer was lost
        Assert.Equal("failed", (await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{messageId}")).GetProperty("status").GetString());
    }

    private Task<HttpResponseMessage> SendAsync(string to) =>
        fixture.Hub.Http.PostAsJsonAsync("/api/messages/text?wait=true&timeout=30", new { to, text = new { body = "unanswered" } });
}
