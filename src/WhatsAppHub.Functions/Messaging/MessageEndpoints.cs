using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.OpenApi;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>Routes of the Messaging area: send (any type, or one typed route per type), read, list, mark as read.</summary>
public static class MessageEndpoints
{
    /// <summary>Cloud API bodies are small; anything larger than this is refused before it is parsed.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>The operation id of the any-type send (the typed routes take <see cref="OutboundRoute.OperationName"/>).</summary>
    public const string AnyTypeOperationName = "SendMessage";

    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapPost("/", (HttpRequest request, AcceptMessageHandler handler, CancellationToken ct) => SendAsync(request, null, handler, ct))
            .WithName(AnyTypeOperationName)
            .WithSummary("Send a WhatsApp message of any type (Cloud API shape: to, type and the member named by type).")
            .ProducesSendResponses();
        foreach (var route in OutboundRoutes.All)
        {
            messages.MapPost("/" + route.Path, (HttpRequest request, AcceptMessageHandler handler, CancellationToken ct) => SendAsync(request, route, handler, ct))
                .WithName(route.OperationName)
                .WithSummary(route.Summary)
                .ProducesSendResponses();
        }
        messages.MapGet("/", ListAsync).WithName("ListMessages")
            .WithSummary("List messages, oldest first, filtered by recipient (to), sender (phoneNumberId), status and time (from, until).");
        messages.MapGet("/{id}", GetAsync).WithName("GetMessage")
            .WithSummary("Read a message by the hub's id or its wamid.");
        messages.MapGet("/{id}/statuses", ListStatusesAsync).WithName("ListMessageStatuses")
            .WithSummary("The status webhooks of a message (by hub id or wamid), oldest first, with pricing, conversation and errors.");
        messages.MapPost("/{wamid}/read", MarkAsReadEndpoint.HandleAsync).WithName("MarkMessageAsRead")
            .WithSummary("Mark a received message as read, optionally showing a typing indicator.");
        return api;
    }

    private static async Task<IResult> SendAsync(HttpRequest request, OutboundRoute? route, AcceptMessageHandler handler, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;

        var (message, errors) = OutboundMessageReader.Default.Read(body.Bytes.Span, route);
        if (message is null) return HubProblems.Validation(errors);
        return await handler.HandleAsync(request, message, body.Bytes, route?.Path ?? "any", cancellationToken);
    }

    private static async Task<IResult> GetAsync(string id, MessageStore store, CancellationToken cancellationToken)
    {
        if (id.Length > 512) return HubProblems.NotFound("No message has that id.");
        if (await store.FindAsync(id, cancellationToken) is not { } found) return HubProblems.NotFound($"No message has the id or wamid '{id}'.");
        var view = MessageView.From(found.Message);
        if (await store.FindTemplateSendAsync(found.Message, cancellationToken) is { } side)
        {
            var (marketing, authentication) = TemplateSendRows.View(side);
            view = view with { Marketing = marketing, Authentication = authentication };
        }
        return Results.Ok(view);
    }

    private static async Task<IResult> ListStatusesAsync(string id, MessageStore store, MessageStatusHistory history, CancellationToken cancellationToken)
    {
        id = id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase); // as for /read: wamids may hold '/'
        if (id.Length is < 1 or > TokenRules.MaxWamidLength || !TokenRules.IsToken(id)) return HubProblems.NotFound("No message has that id.");
        var found = await store.FindAsync(id, cancellationToken);
        var wamid = found?.Message.Wamid ?? (id.StartsWith("wamid.", StringComparison.Ordinal) ? id : null);
        var statuses = await history.ListAsync(found?.Message.Id, wamid, cancellationToken);
        // A wamid the hub never sent still has a history when its statuses arrived (another client of the number).
        return found is null && statuses.Count == 0
            ? HubProblems.NotFound($"No message or status has the id or wamid '{id}'.")
            : Results.Ok(new MessageStatusListView(statuses));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, MessageStore store, CancellationToken cancellationToken)
    {
        var (query, errors) = MessageListQuery.Read(request.Query);
        if (query is null) return HubProblems.Validation(errors);
        var (messages, continuation) = await store.ListAsync(query, cancellationToken);
        return Results.Ok(new MessageListView(messages.Select(MessageView.From).ToList(), continuation?.ToToken()));
    }
}

/// <summary>One page of <c>GET /api/messages</c>; pass <see cref="Continuation"/> back as <c>?continuation=</c> for the next.</summary>
public sealed record MessageListView(IReadOnlyList<MessageView> Items, string? Continuation);
