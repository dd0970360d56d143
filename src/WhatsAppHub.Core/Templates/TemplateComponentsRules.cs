using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// The <c>components</c> of a template definition (§3.5–§3.8): each type at most once, a <c>BODY</c> always, and the
/// combinations each category and variant allows. Component <c>type</c> and <c>format</c> are read in either case,
/// as Meta's examples write both.
/// </summary>
public static class TemplateComponentsRules
{
    public const string Header = "HEADER";
    public const string Body = "BODY";
    public const string Footer = "FOOTER";
    public const string Buttons = "BUTTONS";
    public const string LimitedTimeOffer = "LIMITED_TIME_OFFER";
    public const string Carousel = "CAROUSEL";

    public static IReadOnlyList<string> Types { get; } = [Header, Body, Footer, Buttons, LimitedTimeOffer, Carousel];

    /// <summary>§3.3, §3.7: an authentication template is a fixed body, an optional expiry footer and one OTP button.</summary>
    private static readonly HashSet<string> AuthenticationTypes = [Body, Footer, Buttons];
    /// <summary>§3.8: limited-time offers and carousels are marketing variants.</summary>
    private static readonly HashSet<string> MarketingOnlyTypes = [LimitedTimeOffer, Carousel];
    /// <summary>§3.8: a limited-time offer may show an image or video header.</summary>
    private static readonly HashSet<string> LimitedTimeOfferHeaders = [TemplateHeaderRules.Image, TemplateHeaderRules.Video];

    public static void Validate(JsonArray components, string path, ValidationErrors errors, DefinitionContext context)
    {
        var byType = new Dictionary<string, (JsonObject Component, string Path)>(StringComparer.Ordinal);
        foreach (var (component, componentPath) in JsonRules.Objects(components, path, errors))
        {
            var type = ReadType(component, componentPath, errors, Types);
            if (type is null) continue;
            var typePath = JsonPath.Member(componentPath, "type");
            if (!byType.TryAdd(type, (component, componentPath)))
                errors.Add(typePath, "unique", $"A template has at most one {type} component.");
            else if (context.IsAuthentication && !AuthenticationTypes.Contains(type))
                errors.Add(typePath, "category", $"AUTHENTICATION templates have only BODY, FOOTER and BUTTONS components, not {type}.");
            else if (MarketingOnlyTypes.Contains(type) && context.Category is { } category && !context.IsMarketing)
                errors.Add(typePath, "category", $"{type} is for MARKETING templates, not {category}.");
        }
        if (!byType.ContainsKey(Body))
            errors.Add(path, "required", "A template needs a BODY component.");

        // The offer's own limits apply only where an offer may be; elsewhere the category error above says it all.
        var offer = byType.ContainsKey(LimitedTimeOffer) && (context.Category is null || context.IsMarketing);
        string? headerFormat = null;
        // An authentication template's header was refused above; its rules would only add noise.
        if (byType.TryGetValue(Header, out var header) && !context.IsAuthentication)
        {
            headerFormat = TemplateHeaderRules.Validate(header.Component, header.Path, errors, context, TemplateHeaderRules.TemplateFormats);
            if (offer && headerFormat is not null && !LimitedTimeOfferHeaders.Contains(headerFormat))
                errors.Add(JsonPath.Member(header.Path, "format"), "limitedTimeOffer", "A limited-time offer's header is an IMAGE or a VIDEO.");
        }
        if (byType.TryGetValue(Body, out var body))
            TemplateBodyRules.Body(body.Component, body.Path, errors, context,
                offer ? TemplateBodyRules.MaxLimitedTimeOfferBodyLength : TemplateBodyRules.MaxBodyLength);
        if (byType.TryGetValue(Footer, out var footer))
        {
            if (offer) errors.Add(JsonPath.Member(footer.Path, "type"), "limitedTimeOffer", "A limited-time offer template has no footer.");
            else TemplateBodyRules.Footer(footer.Component, footer.Path, errors, context);
        }
        if (byType.TryGetValue(Buttons, out var buttons))
        {
            var kinds = TemplateButtonsRules.Validate(buttons.Component, buttons.Path, errors, context,
                offer ? TemplateButtonsRules.LimitedTimeOfferKinds : null);
            // §3.8: a multi-product template shows a text header (a product list has no room for media).
            if (kinds.Contains(TemplateButtonsRules.Mpm) && headerFormat is not null && headerFormat != TemplateHeaderRules.Text)
                errors.Add(JsonPath.Member(header.Path, "format"), "multiProduct", "A multi-product template's header is TEXT.");
        }
        else if (context.IsAuthentication)
            errors.Add(path, "otpButton", "An AUTHENTICATION template needs a BUTTONS component with one OTP button.");
        if (offer && byType.TryGetValue(LimitedTimeOffer, out var limitedTimeOffer))
            LimitedTimeOfferRules.Validate(limitedTimeOffer.Component, limitedTimeOffer.Path, errors);
        if (byType.TryGetValue(Carousel, out var carousel))
            CarouselDefinitionRules.Validate(carousel.Component, carousel.Path, errors, context);
    }

    /// <summary>Reads a component's <c>type</c> in upper case; null (with an error) when missing or not one of <paramref name="types"/>.</summary>
    public static string? ReadType(JsonObject component, string path, ValidationErrors errors, IReadOnlyList<string> types)
    {
        var type = JsonRules.String(component, "type", path, errors, required: true, minLength: 1)?.ToUpperInvariant();
        if (type is not { Length: > 0 }) return null;
        if (types.Contains(type)) return type;
        errors.Add(JsonPath.Member(path, "type"), "enum", $"'type' must be one of: {string.Join(", ", types)}.");
        return null;
    }
}
