using System.Net;
using System.Text.Json;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Reads an RFC 9457 answer and checks what every problem document must have.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblem(HttpResponseMessage response, HttpStatusCode status, string typeSlug)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body); // never a stack trace
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal($"urn:whatsapphub:problem:{typeSlug}", problem.GetProperty("type").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>
    /// One fuzz case's answer, tallied in <paramref name="statuses"/>: never a 5xx (the failure names <paramref name="fuzzCase"/>,
    /// e.g. the case number and its body), and a problem document for every 4xx.
    /// </summary>
    public static async Task NoServerError(HttpResponseMessage response, string fuzzCase, Dictionary<int, int> statuses)
    {
        var status = (int)response.StatusCode;
        statuses[status] = statuses.GetValueOrDefault(status) + 1;
        if (status >= 500) Assert.Fail($"{fuzzCase} got {status}: {await response.Content.ReadAsStringAsync()}");
        if (status >= 400) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static IEnumerable<string> ErrorPaths(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!);
}
