using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>Routes of the Messaging area: send a message, read one back.</summary>
public static class MessageEndpoints
{
    /// <summary>Cloud API bodies are small; anything larger than this is refused before it is parsed.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").WithTags("Messages");
        messages.MapPost("/", SendAsync).WithName("SendMessage")
            .WithSummary("Send a WhatsApp message (Cloud API shape: to, type and the member named by type).");
        messages.MapGet("/{id}", GetAsync).WithName("GetMessage")
            .WithSummary("Read a message by the hub's id or its wamid.");
        return api;
    }

    private static async Task<IResult> SendAsync(HttpRequest request, SendMessageHandler handler, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;

        var (message, errors) = OutboundMessageReader.Default.Read(body.Bytes.Span);
        if (message is null) return HubProblems.Validation(errors);
        return await handler.HandleAsync(message, cancellationToken);
    }

    private static async Task<IResult> GetAsync(string id, MessageStore store, CancellationToken cancellationToken)
    {
        if (id.Length > 512) return HubProblems.NotFound("No message has that id.");
        var found = await store.FindAsync(id, cancellationToken);
        return found is { } f ? Results.Ok(MessageView.From(f.Message)) : HubProblems.NotFound($"No message has the id or wamid '{id}'.");
    }
}
