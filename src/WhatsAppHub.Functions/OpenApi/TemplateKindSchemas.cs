using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// The typed members of each template send route (<see cref="TemplateSendKinds"/>). Variable names belong to each
/// stored template, so <c>header</c> and <c>body</c> stay open (an object by name or an array by position); the kind's
/// own members are typed, which is what a connector shows as fields.
/// </summary>
internal static class TemplateKindSchemas
{
    /// <exception cref="ArgumentOutOfRangeException">A member without a schema (the OpenAPI tests keep every kind covered).</exception>
    public static OpenApiSchema AddMembers(OpenApiSchema body, TemplateSendKind kind)
    {
        foreach (var member in kind.Members)
        {
            var required = Required.Contains((kind.Route, member));
            body.Member(member, For(member).Visibility(required ? "important" : "advanced"), required);
        }
        return body;
    }

    /// <summary>
    /// The members every template of the kind needs. Others depend on the stored template (a header, body variables, an
    /// offer's expiry, a coupon on an offer), so the schema leaves them optional and the 400 names what is missing.
    /// </summary>
    private static readonly HashSet<(string Route, string Member)> Required =
    [
        (TemplateSendKinds.Authentication, "code"),
        (TemplateSendKinds.Coupon, "couponCode"),
        (TemplateSendKinds.Carousel, "cards"),
        (TemplateSendKinds.MultiProduct, "thumbnailProductRetailerId"),
        (TemplateSendKinds.MultiProduct, "sections"),
    ];

    private static OpenApiSchema For(string member) => member switch
    {
        "header" => Values("The header's value: a text header's variable (by name as an object, or in an array), or {\"image\"|\"video\"|\"document\": {id|link}} / {\"location\": {…}} for a media or location header."),
        "body" => Values("The body's variables: an object by name ({\"first_name\": \"Priya\"}) for a named template, an array in {{1}}, {{2}}… order for a positional one."),
        "buttons" => Schema.Array(Schema.Object()
                .Required("index", Schema.Integer(0, TemplateButtonsRules.MaxButtons - 1, "The button's approved position."))
                .Required("value", Values("A URL button's suffix, a copy-code button's coupon code, a quick reply's payload, or a catalog / multi-product / Flow button's action object.")),
            minItems: null, description: "Values of the buttons that take one, by approved position."),
        "tapTarget" => Schema.Object("The tap-target title override for a template with a URL button (§3.14).")
            .Required("url", Schema.String(TemplateButtonRules.MaxUrlLength, description: "An https URL."))
            .Required("title", Schema.String(TemplateButtonRules.MaxButtonLabelLength)),
        "code" => Schema.String(TemplateBinder.MaxCodeLength, description: "The one-time code; it fills the body and the OTP button."),
        "couponCode" => Schema.String(TemplateParameterRules.MaxCouponCodeLength, description: "The code the COPY_CODE button copies."),
        "urlSuffix" => Schema.String(TemplateButtonRules.MaxUrlLength, description: "The end of the URL of the template's URL button whose URL ends in a variable."),
        "offerExpiresAt" => new OpenApiSchema
        {
            Description = "When the offer ends: an ISO 8601 time (2026-12-01T00:00:00Z) or Unix milliseconds; required when the offer shows its expiry, refused when it does not.",
        },
        "thumbnailProductRetailerId" => Schema.String(ProductSections.MaxRetailerIdLength, description: "The retailer id of the product shown as the thumbnail."),
        "sections" => Schema.Array(Schema.Object()
                .Required("title", Schema.String(ProductSections.MaxTitleLength))
                .Required("productRetailerIds", Schema.Array(Schema.String(ProductSections.MaxRetailerIdLength), description: "Retailer ids of the section's products.")),
            maxItems: ProductSections.MaxSections, description: $"1–{ProductSections.MaxSections} titled sections, at most {ProductSections.MaxProducts} products in all."),
        "cards" => Schema.Array(Schema.Object()
                .Optional("header", Values("The card's header: {\"image\"|\"video\": {id|link}} or {\"product\": {product_retailer_id, catalog_id}}."))
                .Optional("body", Values("The card body's variables, by name or by position."))
                .Optional("buttons", For("buttons")),
            minItems: TemplateComponentRules.MinCards, maxItems: TemplateComponentRules.MaxCards, description: "One value set per approved card, in order."),
        _ => throw new ArgumentOutOfRangeException(nameof(member), member, "No schema for this typed template member."),
    };

    /// <summary>A value whose shape the stored template decides (object by name, array by position, or a string).</summary>
    private static OpenApiSchema Values(string description) => new() { Description = description };
}
