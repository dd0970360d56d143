using System.Net;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Security;

[Collection("Hub")]
public class FunctionKeyTests(HubFixture fixture)
{
    [Fact]
    public async Task Without_a_key_the_api_answers_401_with_a_problem()
    {
        var response = await fixture.Hub.Anonymous.GetAsync("/api/messages/abc");
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("x-functions-key", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/messages/abc");
        request.Headers.Add("x-functions-key", HubHost.ApiKey + "x");
        var response = await fixture.Hub.Anonymous.SendAsync(request);
        await ProblemAssert.IsProblem(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_key_may_come_in_the_code_query_parameter()
    {
        var response = await fixture.Hub.Anonymous.GetAsync($"/api/messages/abc?code={HubHost.ApiKey}");
        await ProblemAssert.IsProblem(response, HttpStatusCode.NotFound, "not-found"); // past the key check
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        var response = await fixture.Hub.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
