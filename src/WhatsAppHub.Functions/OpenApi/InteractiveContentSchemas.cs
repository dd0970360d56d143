using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Messaging.Interactive;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// The <c>interactive</c> object of each interactive type: which of header, body and footer it takes comes from the
/// type's own <see cref="IInteractiveTypeRules.Parts"/>, so the schema cannot disagree with the check; the action from
/// <see cref="InteractiveActionSchemas"/>.
/// </summary>
internal static class InteractiveContentSchemas
{
    private static readonly Dictionary<string, (IInteractiveTypeRules Rules, Func<OpenApiSchema> Action)> Types = new(StringComparer.Ordinal)
    {
        ["button"] = (new ReplyButtonRules(), InteractiveActionSchemas.ReplyButtons),
        ["list"] = (new ListRules(), InteractiveActionSchemas.List),
        ["cta_url"] = (new CtaUrlRules(), InteractiveActionSchemas.CtaUrl),
        ["product"] = (new ProductRules(), InteractiveActionSchemas.Product),
        ["product_list"] = (new ProductListRules(), InteractiveActionSchemas.ProductList),
        ["catalog_message"] = (new CatalogMessageRules(), InteractiveActionSchemas.CatalogMessage),
        ["carousel"] = (new CarouselRules(), InteractiveActionSchemas.Carousel),
        ["location_request_message"] = (new LocationRequestRules(), () => InteractiveActionSchemas.NameOnly("send_location")),
        ["address_message"] = (new AddressMessageRules(), InteractiveActionSchemas.AddressMessage),
        ["flow"] = (new FlowRules(), InteractiveActionSchemas.Flow),
        ["call_permission_request"] = (new CallPermissionRequestRules(), () => InteractiveActionSchemas.NameOnly("call_permission_request")),
        ["voice_call"] = (new VoiceCallRules(), InteractiveActionSchemas.VoiceCall),
        ["order_details"] = (new OrderDetailsRules(), OrderSchemas.OrderDetails),
        ["order_status"] = (new OrderStatusRules(), OrderSchemas.OrderStatus),
    };

    public static IEnumerable<string> SupportedTypes => Types.Keys;

    /// <exception cref="KeyNotFoundException">The interactive type has no schema yet (a test keeps every route covered).</exception>
    public static OpenApiSchema For(string interactiveType)
    {
        var (rules, action) = Types[interactiveType];
        var parts = rules.Parts;
        var content = Schema.Object()
            .Optional("type", Schema.Enum(interactiveType).Describe("Implied by the route; may be left out."));
        if (parts.Header != Presence.Forbidden) content.Member("header", Header(parts.HeaderKinds), parts.Header == Presence.Required);
        if (parts.Body != Presence.Forbidden) content.Member("body", TextPart(TextPartRules.MaxBodyLength), parts.Body == Presence.Required);
        if (parts.Footer != Presence.Forbidden) content.Member("footer", TextPart(TextPartRules.MaxFooterLength), parts.Footer == Presence.Required);
        return content.Required("action", action());
    }

    public static OpenApiSchema TextPart(int maxLength) => Schema.Object().Required("text", Schema.String(maxLength));

    /// <summary>A header of the kinds its place accepts: <c>text</c>, or a media object in the member named like the type.</summary>
    public static OpenApiSchema Header(HeaderKinds kinds)
    {
        var names = new List<string>();
        var header = Schema.Object();
        if (kinds.HasFlag(HeaderKinds.Text)) { names.Add("text"); header.Optional("text", Schema.String(HeaderRules.MaxTextLength)); }
        if (kinds.HasFlag(HeaderKinds.Image)) { names.Add("image"); header.Optional("image", BasicContentSchemas.Media(MediaExtras.None)); }
        if (kinds.HasFlag(HeaderKinds.Video)) { names.Add("video"); header.Optional("video", BasicContentSchemas.Media(MediaExtras.None)); }
        if (kinds.HasFlag(HeaderKinds.Document)) { names.Add("document"); header.Optional("document", BasicContentSchemas.Media(MediaExtras.Filename)); }
        header.Required("type", Schema.Enum([.. names]));
        return header.Describe("Fill the member named by 'type'.");
    }
}
