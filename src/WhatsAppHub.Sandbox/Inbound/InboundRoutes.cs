namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>
/// Makes contacts (and Meta) write to the hub: <c>POST /sandbox/inbound/{type}</c> publishes one inbound event as a signed
/// SNS notification, <c>POST /sandbox/inbound</c> a batch in a chosen order, and <c>GET /sandbox/inbound</c> lists the
/// types with the defaults a body's fields are merged over.
/// </summary>
public static class InboundRoutes
{
    public static void MapInbound(this WebApplication app)
    {
        var group = app.MapGroup("/sandbox/inbound");

        group.MapGet("", (InboundRequestReader reader, InboundComposer composer) =>
        {
            // Composed afresh for the listing (fresh wamid, now); nothing is published and no media is created.
            var errors = new List<FieldError>();
            var defaults = InboundCatalog.Kinds.Select(k => reader.ReadEvent(k, body: null, "$", errors)).OfType<InboundRequest>().ToList();
            if (errors.Count > 0) return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to publish for", detail: errors[0].Message);
            return Results.Json(defaults.Select(request =>
            {
                var kind = request.Kind;
                return new
                {
                    type = kind.Type,
                    route = $"/sandbox/inbound/{kind.Type}",
                    field = kind.Field,
                    part = kind.Part.ToString().ToLowerInvariant(),
                    from = kind.HasSender,
                    media = kind.Media?.MimeType,
                    @default = composer.Compose(request).Part,
                };
            }));
        });

        group.MapPost("/{type}", async (string type, HttpRequest request, InboundRequestReader reader, InboundComposer composer,
            InboundPublisher publisher, CancellationToken cancellationToken) =>
        {
            using var body = new StreamReader(request.Body);
            var (batch, errors) = reader.ReadSingle(type, await body.ReadToEndAsync(cancellationToken), request.Query);
            return batch is null
                ? ValidationProblem.For("The inbound request is not valid.", errors)
                : Results.Json(await publisher.PublishAsync(batch.Events.Select(composer.Compose).ToList(), batch.Plan, cancellationToken));
        });

        group.MapPost("", async (HttpRequest request, InboundRequestReader reader, InboundComposer composer,
            InboundPublisher publisher, CancellationToken cancellationToken) =>
        {
            using var body = new StreamReader(request.Body);
            var (batch, errors) = reader.ReadBatch(await body.ReadToEndAsync(cancellationToken));
            return batch is null
                ? ValidationProblem.For("The inbound batch is not valid.", errors)
                : Results.Json(await publisher.PublishAsync(batch.Events.Select(composer.Compose).ToList(), batch.Plan, cancellationToken));
        });
    }
}
