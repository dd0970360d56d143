using Microsoft.OpenApi;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// The hub's API description, generated from its endpoints: OpenAPI 3 at <c>/api/openapi/v1.json</c> and the same
/// document as OpenAPI 2.0 at <c>/api/swagger/v1/swagger.json</c> (what Power Automate / Logic Apps custom connectors
/// import). Both are open: they hold no secrets, and a connector wizard fetches them without a key.
/// </summary>
public static class HubOpenApi
{
    public const string DocumentName = "v1";
    public const string OpenApi3Pattern = "/api/openapi/{documentName}.json";
    public const string Swagger2Pattern = "/api/swagger/{documentName}/swagger.json";

    public static IServiceCollection AddHubOpenApi(this IServiceCollection services) => services.AddOpenApi(DocumentName, options =>
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "WhatsAppHub",
                Version = DocumentName,
                Description = "Send and receive WhatsApp messages through AWS End User Messaging Social.",
            };
            return Task.CompletedTask;
        });
        var security = new FunctionKeySecurityTransformer();
        options.AddDocumentTransformer(security);
        options.AddOperationTransformer(security);
        options.AddOperationTransformer(new SendOperationTransformer());
        options.AddOperationTransformer(new MediaUploadTransformer());
        var writtenJson = new WrittenJsonSchemaTransformer();
        options.AddSchemaTransformer(writtenJson);
        options.AddDocumentTransformer(writtenJson);
    });

    public static void MapHubOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(OpenApi3Pattern);
        app.MapGet(Swagger2Pattern, Swagger2Document.WriteAsync).ExcludeFromDescription();
    }
}
