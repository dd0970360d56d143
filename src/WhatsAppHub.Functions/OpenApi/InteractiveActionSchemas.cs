using WhatsAppHub.Core.Messaging;
using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging.Interactive;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>The <c>action</c> object of each interactive type, with the limits of its rule class.</summary>
internal static class InteractiveActionSchemas
{
    public static OpenApiSchema NameOnly(string name) => Schema.Object().Required("name", Schema.Enum(name));

    public static OpenApiSchema ReplyButtons() => Schema.Object()
        .Required("buttons", Schema.Array(Schema.Object()
            .Required("type", Schema.Enum("reply"))
            .Required("reply", Schema.Object()
                .Required("id", Schema.String(ReplyButtonRules.MaxIdLength, description: "Comes back in the reply; unique in the message."))
                .Required("title", Schema.String(ReplyButtonRules.MaxTitleLength))), maxItems: ReplyButtonRules.MaxButtons));

    public static OpenApiSchema List() => Schema.Object()
        .Required("button", Schema.String(ListRules.MaxButtonLength, description: "The label of the button that opens the list."))
        .Required("sections", Schema.Array(Schema.Object()
                .Optional("title", Schema.String(ListRules.MaxSectionTitleLength, description: "Required when there are several sections."))
                .Required("rows", Schema.Array(Schema.Object()
                    .Required("id", Schema.String(ListRules.MaxRowIdLength))
                    .Required("title", Schema.String(ListRules.MaxRowTitleLength))
                    .Optional("description", Schema.String(ListRules.MaxRowDescriptionLength)), maxItems: ListRules.MaxRowsTotal)),
            maxItems: ListRules.MaxSections, description: $"At most {ListRules.MaxRowsTotal} rows across all sections."));

    public static OpenApiSchema CtaUrl() => Schema.Object()
        .Required("name", Schema.Enum("cta_url"))
        .Required("parameters", Schema.Object()
            .Required("display_text", Schema.String(CtaUrlRules.MaxDisplayTextLength))
            .Required("url", Schema.String(InteractiveText.MaxUrlLength)));

    public static OpenApiSchema Product() => Schema.Object()
        .Required("catalog_id", CatalogId())
        .Required("product_retailer_id", RetailerId());

    public static OpenApiSchema ProductList() => Schema.Object()
        .Required("catalog_id", CatalogId())
        .Required("sections", Schema.Array(Schema.Object()
                .Required("title", Schema.String(ProductSections.MaxTitleLength))
                .Required("product_items", Schema.Array(Schema.Object().Required("product_retailer_id", RetailerId()), maxItems: ProductSections.MaxProducts)),
            maxItems: ProductSections.MaxSections, description: $"At most {ProductSections.MaxProducts} products across all sections."));

    public static OpenApiSchema CatalogMessage() => Schema.Object()
        .Required("name", Schema.Enum("catalog_message"))
        .Optional("parameters", Schema.Object().Required("thumbnail_product_retailer_id", RetailerId()));

    /// <summary>Media cards (<c>cta_url</c> or quick-reply buttons) or product cards, all of one kind.</summary>
    public static OpenApiSchema Carousel() => Schema.Object()
        .Required("cards", Schema.Array(Schema.Object()
                .Required("card_index", Schema.Integer(0, CarouselRules.MaxCardIndex))
                .Required("type", Schema.Enum("cta_url", "product"))
                .Optional("header", InteractiveContentSchemas.Header(HeaderKinds.Image | HeaderKinds.Video).Describe("Media cards: an image or video."))
                .Optional("body", InteractiveContentSchemas.TextPart(MediaCardRules.MaxBodyLength))
                .Required("action", Schema.OpenObject(
                    "Media cards: { name: cta_url, parameters: { display_text, url } } or { buttons: [ { type: quick_reply, quick_reply: { id, title } } ] }; product cards: { product_retailer_id, catalog_id }.")),
            minItems: CarouselRules.MinCards, maxItems: CarouselRules.MaxCards));

    public static OpenApiSchema AddressMessage() => Schema.Object()
        .Required("name", Schema.Enum("address_message"))
        .Required("parameters", Schema.Object()
            .Required("country", Schema.Enum("IN", "SG"))
            .Optional("values", Schema.OpenObject($"Prefilled address fields (strings); post codes at most {AddressMessageRules.MaxPostCodeLength} characters."))
            .Optional("saved_addresses", Schema.Array(Schema.OpenObject("A saved address."), minItems: null))
            .Optional("validation_errors", Schema.OpenObject("Field name → error text shown to the user.")));

    public static OpenApiSchema Flow() => Schema.Object()
        .Required("name", Schema.Enum("flow"))
        .Required("parameters", Schema.Object()
            .Required("flow_message_version", Schema.Enum(FlowRules.MessageVersion))
            .Optional("flow_id", Schema.String(description: "Give flow_id or flow_name."))
            .Optional("flow_name", Schema.String())
            .Required("flow_cta", Schema.String(FlowRules.MaxCtaLength, description: "Button label, no emoji."))
            .Optional("flow_token", Schema.String(FlowRules.MaxTokenLength))
            .Optional("flow_action", Schema.Enum("navigate", "data_exchange"))
            .Optional("flow_action_payload", Schema.Object("Required for navigate, absent for data_exchange.")
                .Required("screen", Schema.String())
                .Optional("data", Schema.OpenObject("Initial data for the screen.")))
            .Optional("mode", Schema.Enum("published", "draft")));

    public static OpenApiSchema VoiceCall() => Schema.Object()
        .Required("name", Schema.Enum("voice_call"))
        .Optional("parameters", Schema.Object()
            .Optional("display_text", Schema.String(VoiceCallRules.MaxDisplayTextLength))
            .Optional("ttl_minutes", Schema.Integer(1, VoiceCallRules.MaxTtlMinutes))
            .Optional("payload", Schema.String(VoiceCallRules.MaxPayloadLength)));

    private static OpenApiSchema CatalogId() => Schema.String(ActionRules.MaxCatalogIdLength);

    private static OpenApiSchema RetailerId() => Schema.String(ProductSections.MaxRetailerIdLength);
}
