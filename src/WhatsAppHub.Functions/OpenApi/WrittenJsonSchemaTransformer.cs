using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// Makes the generated response schemas say what the hub really writes, which the 2.0 conversion also needs:
/// <list type="bullet">
/// <item>numbers: the web JSON defaults let numbers be <i>read</i> from strings, so the generator types them
/// <c>integer | string</c> with a pattern; the hub always writes numbers, and 2.0 has no type unions (the converter drops
/// the type altogether).</item>
/// <item>nulls: the hub omits null members (<c>WhenWritingNull</c>), so a nullable member is optional, not required and
/// null; this also replaces <c>oneOf [null, $ref]</c>, which 2.0 cannot say, by the reference itself.</item>
/// </list>
/// </summary>
internal sealed class WrittenJsonSchemaTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    /// <summary>The <c>oneOf [null, $ref]</c> wrappers appear only once schemas become components, after the schema transformers.</summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values.OfType<OpenApiSchema>() ?? []) Narrow(schema);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        Narrow(schema);
        return Task.CompletedTask;
    }

    private static void Narrow(OpenApiSchema schema)
    {
        NumbersOnly(schema);
        if (schema.Properties is null) return;
        foreach (var (name, member) in schema.Properties.ToList())
        {
            if (member is OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, var target] })
            {
                schema.Properties[name] = target;
                schema.Required?.Remove(name);
            }
            else if (member is OpenApiSchema concrete)
            {
                NumbersOnly(concrete);
                if (concrete.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
                {
                    concrete.Type = type & ~JsonSchemaType.Null;
                    schema.Required?.Remove(name);
                }
            }
        }
    }

    private static void NumbersOnly(OpenApiSchema schema)
    {
        foreach (var number in new[] { JsonSchemaType.Integer, JsonSchemaType.Number })
        {
            if (schema.Type is { } type && type.HasFlag(number) && type.HasFlag(JsonSchemaType.String))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
        }
    }
}
