using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Media;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// <c>POST /api/media</c> reads its form by hand (to name every bad part), so its two body shapes are stated here:
/// multipart with a <c>file</c> part (a connector's file field), or JSON naming an object already in the bucket.
/// </summary>
internal sealed class MediaUploadTransformer : IOpenApiOperationTransformer
{
    public const string OperationId = "UploadMedia";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != OperationId) return Task.CompletedTask;
        var type = Schema.Enum([.. WhatsAppHub.Core.Media.MediaFormats.All.Select(f => f.Type).Distinct()]).Describe("The WhatsApp media type; inferred from the MIME type when left out.");
        var sender = Schema.String(PhoneNumberId.MaxLength, description: "The number the media is uploaded for; the hub's default when left out.");
        // OpenAPI 2.0 has one body shape per operation, so the 2.0 document (and a connector) shows the multipart form only.
        operation.Description = "Send multipart/form-data with a 'file' part, or JSON { \"s3Key\": … } naming an object already in the media bucket.";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["multipart/form-data"] = new()
                {
                    Schema = Schema.Object()
                        .Required("file", new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The file, with its content type." })
                        .Optional("type", type)
                        .Optional("phoneNumberId", sender),
                },
                ["application/json"] = new()
                {
                    Schema = Schema.Object()
                        .Required("s3Key", Schema.String(S3KeyUploadRequest.MaxKeyLength, description: "An object already in the media bucket."))
                        .Optional("type", type)
                        .Optional("phoneNumberId", sender),
                },
            },
        };
        return Task.CompletedTask;
    }
}
