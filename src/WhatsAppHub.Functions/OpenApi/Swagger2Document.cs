using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// Serves the generated document as OpenAPI 2.0 with Microsoft.OpenApi's own down-conversion (request bodies become body
/// or formData parameters, servers become host/basePath/schemes), then adds the document-level <c>consumes</c> and
/// <c>produces</c> that 2.0 tools default to and the converter does not write.
/// </summary>
internal static class Swagger2Document
{
    public static async Task<IResult> WriteAsync(string documentName, HttpContext http, CancellationToken cancellationToken)
    {
        if (http.RequestServices.GetKeyedService<IOpenApiDocumentProvider>(documentName) is not { } provider) return Results.NotFound();
        var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
        // A connector needs a host: name the one this request reached, as the OpenAPI 3 endpoint does for its servers.
        var request = http.Request;
        document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}" }];
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi2_0, cancellationToken);
        var swagger = JsonNode.Parse(json)!.AsObject();
        MarkFileParameters(document, swagger);
        return Results.Text(WithDefaultMediaTypes(swagger).ToJsonString(), "application/json");
    }

    /// <summary>
    /// OpenAPI 2.0 has a <c>file</c> parameter type (a connector's file picker) where 3.x has a binary string; the
    /// converter writes such formData parameters as plain strings, so they are marked here from the 3.x model.
    /// </summary>
    private static void MarkFileParameters(OpenApiDocument document, JsonObject swagger)
    {
        foreach (var (path, item) in document.Paths)
        foreach (var (method, operation) in item.Operations ?? [])
        {
            if (operation.RequestBody?.Content?.TryGetValue("multipart/form-data", out var form) != true || form!.Schema?.Properties is not { } members) continue;
            var files = members.Where(m => m.Value.Format == "binary").Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
            if (swagger["paths"]?[path]?[method.Method.ToLowerInvariant()]?["parameters"] is not JsonArray parameters) continue;
            foreach (var parameter in parameters.OfType<JsonObject>())
            {
                if ((string?)parameter["in"] == "formData" && files.Contains((string?)parameter["name"] ?? "")) parameter["type"] = "file";
            }
        }
    }

    /// <summary>Inserts <c>consumes</c> / <c>produces</c> before <c>paths</c>, the order connector definitions use.</summary>
    private static JsonObject WithDefaultMediaTypes(JsonObject swagger)
    {
        var ordered = new JsonObject();
        foreach (var (name, value) in swagger.ToList())
        {
            swagger.Remove(name);
            if (name == "paths")
            {
                ordered["consumes"] = new JsonArray("application/json");
                ordered["produces"] = new JsonArray("application/json");
            }
            ordered[name] = value;
        }
        return ordered;
    }
}
