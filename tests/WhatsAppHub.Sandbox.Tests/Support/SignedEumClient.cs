using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Tests.Support;

/// <summary>Sends SigV4-signed EUM requests to the sandbox with <see cref="TestSigV4Signer"/>.</summary>
public sealed class SignedEumClient(HttpClient http, string accessKeyId, string secret, string region, string service)
{
    public async Task<EumAnswer> SendAsync(string method, string pathAndQuery, object? body = null, DateTime? signedAt = null)
    {
        var url = new Uri(http.BaseAddress!, pathAndQuery);
        var bytes = body switch
        {
            null => [],
            string s => Encoding.UTF8.GetBytes(s),
            JsonNode node => Encoding.UTF8.GetBytes(node.ToJsonString()),
            _ => Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(body)),
        };
        var headers = new Dictionary<string, string>();
        if (body is not null)
        {
            headers["content-type"] = "application/json";
        }
        var signed = TestSigV4Signer.Sign(method, url, headers, bytes, accessKeyId, secret, region, service, signedAt ?? DateTime.UtcNow);

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        }
        foreach (var (name, value) in signed)
        {
            if (!name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new EumAnswer(
            (int)response.StatusCode,
            response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : null,
            response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.First() : null,
            string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text));
    }
}

public sealed record EumAnswer(int Status, string? ErrorType, string? RequestId, JsonNode? Body)
{
    public string? Message => Body?["message"]?.GetValue<string>();
}
