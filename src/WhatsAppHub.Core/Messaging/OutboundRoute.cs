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
        new("image", "image", null, "Send an image (JPEG/PNG) by media id or https link, with an optional caption."),
        new("video", "video", null, "Send a video (MP4/3GPP) by media id or https link, with an optional caption."),
        new("audio", "audio", null, "Send an audio file by media id or https link; voice=true sends it as a voice message (OGG/OPUS)."),
        new("document", "document", null, "Send a document by media id or https link, with an optional caption and filename."),
        new("sticker", "sticker", null, "Send a WebP sticker by media id or https link."),
        new("location", "location", null, "Send a location: latitude, longitude, optional name and address."),
        new("contacts", "contacts", null, "Send 1-257 contact cards."),
        new("reaction", "reaction", null, "React to a message with an emoji, or remove the reaction with an empty emoji."),
        new("template", "template", null, "Send an approved template with its header, body, button, offer and carousel parameters."),
    ];
}
