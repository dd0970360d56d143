using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>
/// Meta's errors as EUM passes them on (the sandbox answers them on cue): transient codes are retried, the pair rate
/// limit holds the contact back first, and permanent codes fail at once with Meta's code and title after one call.
/// </summary>
[Collection("Faults")]
public class MetaErrorSendTests(FaultsFixture fixture)
{
    [Fact]
    public async Task Pair_rate_limit_131056_holds_the_contact_back_then_the_message_is_sent()
    {
        const string to = "+15550020001";
        await fixture.SetFaultsAsync("""{"rules":[{"fault":"meta","metaCode":131056,"to":"15550020001","count":1}]}""");

        var clock = Stopwatch.StartNew();
        using var response = await SendAsync(to, wait: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(2, sent.GetProperty("attempts").GetInt32());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(6), $"sent again after {clock.Elapsed}: the pair limit wants ~6 s");
        var calls = await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to);
        Assert.Equal([false, true], calls.Select(c => c.GetProperty("accepted").GetBoolean()));
    }

    [Fact]
    public async Task Throughput_limit_130429_is_retried_until_the_message_is_sent()
    {
        const string to = "+15550020002";
        await fixture.SetFaultsAsync("""{"rules":[{"fault":"meta","metaCode":130429,"to":"15550020002","count":2}]}""");

        using var response = await SendAsync(to, wait: true);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var sent = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, sent.GetProperty("attempts").GetInt32());
        Assert.StartsWith("wamid.", sent.GetProperty("wamid").GetString());
        var calls = await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to);
        Assert.Equal([false, false, true], calls.Select(c => c.GetProperty("accepted").GetBoolean()));
    }

    [Theory]
    [InlineData(131047, "Re-engagement message")]
    [InlineData(131026, "Message undeliverable")]
    public async Task A_permanent_meta_code_fails_at_once_with_its_code_and_title_after_one_call(int code, string title)
    {
        var to = $"+1555003{code % 10_000:0000}";
        await fixture.SetFaultsAsync($$"""{"rules":[{"fault":"meta","metaCode":{{code}},"to":"{{to}}"}]}""");

        using var response = await SendAsync(to, wait: false);
        var failed = await Messages.WaitForStatusAsync(fixture.Hub.Http, response.Headers.Location!.OriginalString, "failed");

        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        var error = failed.GetProperty("error");
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("code").GetString());
        Assert.Equal(title, error.GetProperty("title").GetString());
        Assert.Equal("InvalidParameters", error.GetProperty("type").GetString());
        Assert.False(error.GetProperty("retryable").GetBoolean());
        await Task.Delay(1500); // a retry would have come by now
        Assert.Single(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Theory]
    [InlineData(131026, HttpStatusCode.UnprocessableEntity, "eum-rejected")]
    [InlineData(131047, HttpStatusCode.UnprocessableEntity, "service-window-closed")]
    public async Task Waiting_for_a_message_that_fails_for_good_returns_the_problem(int code, HttpStatusCode status, string slug)
    {
        var to = $"+1555004{code % 10_000:0000}";
        await fixture.SetFaultsAsync($$"""{"rules":[{"fault":"meta","metaCode":{{code}},"to":"{{to}}"}]}""");

        using var response = await SendAsync(to, wait: true);

        var problem = await ProblemAssert.IsProblem(response, status, slug);
        Assert.Contains($"(#{code})", problem.GetProperty("detail").GetString());
        Assert.False(problem.GetProperty("retryable").GetBoolean());
        var stored = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{problem.GetProperty("messageId").GetString()}");
        Assert.Equal("failed", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_always_throttled_contact_fails_after_exactly_the_attempt_limit()
    {
        const string to = "+15550020005";
        await fixture.SetFaultsAsync("""{"rules":[{"fault":"throttled","to":"15550020005"}]}""");

        using var response = await SendAsync(to, wait: true, timeoutSeconds: 25);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.ServiceUnavailable, "eum-throttled");
        Assert.True(problem.GetProperty("retryable").GetBoolean());
        var stored = await fixture.Hub.Http.GetFromJsonAsync<JsonElement>($"/api/messages/{problem.GetProperty("messageId").GetString()}");
        Assert.Equal(FaultsFixture.MaxAttempts, stored.GetProperty("attempts").GetInt32());
        Assert.Equal("Throttled", stored.GetProperty("error").GetProperty("type").GetString());
        await Task.Delay(1500);
        var calls = await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to);
        Assert.Equal(FaultsFixture.MaxAttempts, calls.Count);
        Assert.DoesNotContain(calls, c => c.GetProperty("accepted").GetBoolean());
    }

    private Task<HttpResponseMessage> SendAsync(string to, bool wait, int timeoutSeconds = 30) =>
        fixture.Hub.Http.PostAsJsonAsync(wait ? $"/api/messages/text?wait=true&timeout={timeoutSeconds}" : "/api/messages/text",
            new { to, text = new { body = "fault test" } });
}
