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

    public static IEnumerable<string> ErrorPaths(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!);
}
