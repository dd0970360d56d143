namespace WhatsAppHub.Core.Messaging;

/// <summary>A typed send route (<c>POST /api/messages/{Path}</c>), so connectors show the fields of one message type.</summary>
public sealed record OutboundRoute(string Path, string Type, string? InteractiveType, string Summary)
{
    /// <summary>The OpenAPI operation id, e.g. <c>SendInteractiveListMessage</c>.</summary>
    public string OperationName => "Send" + string.Concat(Path.Split('/', '_').Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "Message";
}

public static class OutboundRoutes
{
    public static IReadOnlyList<OutboundRoute> All { get; } =
    [
        new("text", "text", null, "Send a text message."),
    ];
}
