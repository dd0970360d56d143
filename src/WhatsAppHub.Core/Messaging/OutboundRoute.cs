namespace WhatsAppHub.Core.Messaging;

/// <summary>A typed send route (<c>POST /api/messages/{Path}</c>), so connectors show the fields of one message type.</summary>
public sealed record OutboundRoute(string Path, string Type, string? InteractiveType, string Summary)
{
    /// <summary>The OpenAPI operation id, e.g. <c>SendInteractiveListMessage</c>.</summary>
    public string OperationName
    {
        get
        {
            var name = "Send" + string.Concat(Path.Split('/', '_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            // interactive/address_message → SendInteractiveAddressMessage, not …MessageMessage.
            return name.EndsWith("Message", StringComparison.Ordinal) ? name : name + "Message";
        }
    }
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
        new("interactive/button", "interactive", "button", "Send up to three reply buttons, with an optional text or media header."),
        new("interactive/list", "interactive", "list", "Send a list of up to ten rows in up to ten sections."),
        new("interactive/cta_url", "interactive", "cta_url", "Send a call-to-action button that opens a URL."),
        new("interactive/product", "interactive", "product", "Send one product from a catalog."),
        new("interactive/product_list", "interactive", "product_list", "Send up to 30 products from a catalog in up to ten sections."),
        new("interactive/catalog_message", "interactive", "catalog_message", "Send a button that opens the business's catalog."),
        new("interactive/carousel", "interactive", "carousel", "Send a carousel of 2 to 10 media cards or product cards."),
        new("interactive/location_request_message", "interactive", "location_request_message", "Ask the user to share their location."),
        new("interactive/address_message", "interactive", "address_message", "Ask the user for a delivery address (India)."),
        new("interactive/flow", "interactive", "flow", "Send a button that opens a WhatsApp Flow."),
        new("interactive/call_permission_request", "interactive", "call_permission_request", "Ask the user for permission to call them."),
        new("interactive/voice_call", "interactive", "voice_call", "Send a button that calls the business on WhatsApp."),
        new("interactive/order_details", "interactive", "order_details", "Ask for payment of an order (Payments India): items, amounts in paise that add up, and the payment configuration."),
        new("interactive/order_status", "interactive", "order_status", "Update the status shown on an order_details card (Payments India)."),
    ];
}
