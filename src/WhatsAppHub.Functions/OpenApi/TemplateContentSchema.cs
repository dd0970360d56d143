using WhatsAppHub.Core.Messaging;
using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging.Content;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// The template send object. Which components and parameter types a template takes depends on its approved definition,
/// so the schema lists every member the hub accepts and leaves the per-place choices (checked by
/// <see cref="TemplateComponentRules"/>) to the descriptions and the 400 answer.
/// </summary>
internal static class TemplateContentSchema
{
    public static OpenApiSchema Build() => Schema.Object()
        .Required("name", Schema.String(TemplateContentRules.MaxNameLength, description: "The approved template's name (lowercase letters, digits, underscores)."))
        .Required("language", Schema.Object()
            .Required("code", Schema.String(description: "The approved locale, such as en_US or pt_BR."))
            .Optional("policy", Schema.Enum("deterministic")))
        .Optional("components", Schema.Array(Component(inCard: false), minItems: null,
            description: "Values for the template's variables: header, body, button, limited_time_offer, carousel, tap_target_configuration."));

    private static OpenApiSchema Component(bool inCard)
    {
        var component = Schema.Object()
            .Required("type", inCard
                ? Schema.Enum("header", "body", "button")
                : Schema.Enum("header", "body", "button", "limited_time_offer", "carousel", "tap_target_configuration"))
            .Optional("sub_type", Schema.Enum("quick_reply", "url", "copy_code", "catalog", "mpm", "flow", "order_details", "spm", "voice_call")
                .Describe("Button components: the button's kind."))
            .Optional("index", Schema.String(description: $"Button components: the button's 0-based position in the template (a number or a digit string, below {TemplateButtonRules.MaxButtons})."))
            .Optional("parameters", Schema.Array(Parameter(), minItems: null));
        if (!inCard)
            component.Optional("cards", Schema.Array(Schema.Object()
                    .Required("card_index", Schema.Integer(0, TemplateComponentRules.MaxCards - 1))
                    .Required("components", Schema.Array(Component(inCard: true))),
                minItems: TemplateComponentRules.MinCards, maxItems: TemplateComponentRules.MaxCards,
                description: "Carousel components: one entry per card."));
        return component;
    }

    /// <summary><c>{ "type": T, T: value }</c>: one value member, named by <c>type</c>.</summary>
    private static OpenApiSchema Parameter() => Schema.Object()
        .Required("type", Schema.Enum("text", "currency", "date_time", "image", "video", "document", "location", "payload", "coupon_code",
            "action", "product", "limited_time_offer", "tap_target_configuration"))
        .Optional("text", Schema.String(TemplateComponentRules.MaxBodyTextLength,
            description: $"Header text ≤ {TemplateComponentRules.MaxHeaderTextLength}, body text ≤ {TemplateComponentRules.MaxBodyTextLength} (≤ {TemplateComponentRules.MaxCardBodyTextLength} in a card), URL button suffix ≤ {TemplateButtonRules.MaxUrlLength}."))
        .Optional("parameter_name", Schema.String(description: "Named templates: the variable's name."))
        .Optional("payload", Schema.String())
        .Optional("coupon_code", Schema.String(TemplateParameterRules.MaxCouponCodeLength))
        .Optional("currency", Schema.Object()
            .Required("fallback_value", Schema.String())
            .Required("code", Schema.String(description: "ISO 4217 code, such as GBP."))
            .Required("amount_1000", Schema.Integer(description: "The amount times 1000.")))
        .Optional("date_time", Schema.Object().Required("fallback_value", Schema.String()))
        .Optional("image", BasicContentSchemas.Media(MediaExtras.None))
        .Optional("video", BasicContentSchemas.Media(MediaExtras.None))
        .Optional("document", BasicContentSchemas.Media(MediaExtras.Filename))
        .Optional("location", BasicContentSchemas.Location())
        .Optional("product", Schema.Object()
            .Required("product_retailer_id", Schema.String(ProductSections.MaxRetailerIdLength))
            .Required("catalog_id", Schema.String(ProductSections.MaxRetailerIdLength)))
        .Optional("limited_time_offer", Schema.Object().Required("expiration_time_ms", Schema.Integer(1)))
        .Optional("tap_target_configuration", Schema.Array(Schema.Object()
            .Required("url", Schema.String(TemplateButtonRules.MaxUrlLength))
            .Required("title", Schema.String(TemplateButtonRules.MaxButtonLabelLength)), maxItems: 1))
        .Optional("action", Schema.OpenObject("Button parameters of catalog, mpm, flow and order_details buttons."));
}
