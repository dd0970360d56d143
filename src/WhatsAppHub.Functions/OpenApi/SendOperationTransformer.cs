using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// The send handlers read the raw body (so that validation errors carry JSON paths), which leaves the generator nothing
/// to infer: this gives each send operation its request schema, keyed by the route's operation id, and the
/// <c>Idempotency-Key</c>, <c>wait</c> and <c>timeout</c> parameters the accept handler reads.
/// </summary>
internal sealed class SendOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, OutboundRoute> RoutesByOperation =
        OutboundRoutes.All.ToDictionary(r => r.OperationName, StringComparer.Ordinal);
    private static readonly Dictionary<string, TemplateSendKind> KindsByOperation =
        TemplateSendKinds.All.ToDictionary(k => k.OperationName, StringComparer.Ordinal);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        OpenApiSchema body;
        if (operation.OperationId == MessageEndpoints.AnyTypeOperationName) body = SendBodySchemas.AnyType();
        else if (operation.OperationId == TemplateEndpoints.SendOperationName) body = SendBodySchemas.StoredTemplate(null);
        else if (operation.OperationId is { } kindId && KindsByOperation.TryGetValue(kindId, out var kind)) body = SendBodySchemas.StoredTemplate(kind);
        else if (operation.OperationId is { } id && RoutesByOperation.TryGetValue(id, out var route)) body = SendBodySchemas.For(route);
        else return Task.CompletedTask;

        operation.Description = "Validates the message, queues it and answers 202 with its Location; ?wait=true answers with the outcome (201 when final).";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = body } },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = AcceptMessageHandler.IdempotencyHeader,
            In = ParameterLocation.Header,
            Description = "Repeat a send safely: the same key with the same body answers with the first message instead of sending again.",
            Schema = Schema.String(IdempotencyStore.MaxKeyLength),
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "wait",
            In = ParameterLocation.Query,
            Description = "Wait for the send's outcome instead of answering at once.",
            Schema = Schema.Boolean(),
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "timeout",
            In = ParameterLocation.Query,
            Description = "With wait=true: the most seconds to wait.",
            Schema = Schema.Integer(1, AcceptMessageHandler.MaxWaitSeconds),
        });
        return Task.CompletedTask;
    }
}
