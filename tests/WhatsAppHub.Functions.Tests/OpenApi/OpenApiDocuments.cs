using System.Net;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.OpenApi;

/// <summary>Fetches the hub's two documents without a key and finds operations and schemas in them.</summary>
internal static class OpenApiDocuments
{
    public const string OpenApi3Path = "/api/openapi/v1.json";
    public const string Swagger2Path = "/api/swagger/v1/swagger.json";

    public static async Task<JsonElement> GetAsync(HubHost hub, string path)
    {
        var response = await hub.Anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    /// <summary>Every operation of the document by its operation id.</summary>
    public static Dictionary<string, JsonElement> Operations(JsonElement document)
    {
        var operations = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out var id))
                operations.Add(id.GetString()!, operation.Value);
        }
        return operations;
    }

    /// <summary>The JSON request body schema of an OpenAPI 3 operation, with a top-level <c>$ref</c> followed.</summary>
    public static JsonElement RequestSchema(JsonElement document, JsonElement operation) =>
        Resolve(document, operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    public static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference)) return schema;
        var node = document;
        foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/')) node = node.GetProperty(segment);
        return node;
    }

    public static HashSet<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : [];

    public static HashSet<string> Properties(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];
}
