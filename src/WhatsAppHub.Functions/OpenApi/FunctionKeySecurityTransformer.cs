using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WhatsAppHub.Functions.Security;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// Declares the function key as an API key in the <c>x-functions-key</c> header (the scheme a custom connector uses,
/// being the first and only one) and requires it on the operations behind <see cref="FunctionKeyFilter"/>; health and
/// the documents stay open.
/// </summary>
internal sealed class FunctionKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "FunctionKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = FunctionKeyFilter.HeaderName,
            Description = $"The hub's function key (the Hub__ApiKey setting). The query parameter ?{FunctionKeyFilter.QueryName}= works too.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<FunctionKeyRequired>().Any()) return Task.CompletedTask;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No function key, or not a valid one." });
        return Task.CompletedTask;
    }
}
