using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using static WhatsAppHub.Core.Templates.TemplateButtonsRules;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// One typed template send route, <c>POST /api/templates/{name}/send/{Route}</c>: the members it takes besides the
/// envelope, which stored templates it sends (<see cref="Mismatch"/> names what the template is instead), and how its
/// members become <see cref="TemplateBinder"/> values (<see cref="Map"/>).
/// </summary>
public sealed record TemplateSendKind(string Route, string OperationName, string Summary, IReadOnlyList<string> Members,
    Func<TemplateShape, string?> Mismatch, Action<TypedTemplateValues> Map);

/// <summary>
/// The typed send routes, one per kind of template (whatsapp-cloud-api.md §1.8, §3.5–§3.8), so a connector (Power
/// Automate) shows the fields of the kind instead of one open <c>values</c> object. A route sends only templates of its
/// kind: a coupon route given a template without a COPY_CODE button is refused, naming what the template is.
/// </summary>
public static class TemplateSendKinds
{
    public const string Marketing = "marketing";
    public const string Utility = "utility";
    public const string Authentication = "authentication";
    public const string Catalog = "catalog";
    public const string Coupon = "coupon";
    public const string LimitedTimeOffer = "limited-time-offer";
    public const string Carousel = "carousel";
    public const string MultiProduct = "multi-product";

    public static IReadOnlyList<TemplateSendKind> All { get; } =
    [
        new(Marketing, "SendMarketingTemplate",
            "Send a stored MARKETING template: {to, language, header?, body?, buttons?, tapTarget?}; body by name (object) or position (array).",
            ["header", "body", "buttons", "tapTarget"], s => Category(s, TemplateDefinitionRules.Marketing) ?? NeedsOwnRoute(s), Plain),
        new(Utility, "SendUtilityTemplate",
            "Send a stored UTILITY template: {to, language, header?, body?, buttons?, tapTarget?}; body by name (object) or position (array).",
            ["header", "body", "buttons", "tapTarget"], s => Category(s, TemplateDefinitionRules.Utility) ?? NeedsOwnRoute(s), Plain),
        new(Authentication, "SendAuthenticationTemplate",
            "Send a stored AUTHENTICATION template with a one-time code: {to, language, code, phoneNumberId?}; the code fills the body and the OTP button.",
            ["code"], s => Category(s, TemplateDefinitionRules.Authentication), v => v.Member("code")),
        new(Catalog, "SendCatalogTemplate",
            "Send a stored catalog template (a CATALOG button): {to, language, header?, body?, thumbnailProductRetailerId?}.",
            ["header", "body", "thumbnailProductRetailerId"], s => Has(s, s.IndexOf(CatalogKind) >= 0, "catalog templates (a CATALOG button)"), MapCatalog),
        new(Coupon, "SendCouponTemplate",
            "Send a stored coupon template (a COPY_CODE button): {to, language, couponCode, header?, body?, urlSuffix?}.",
            ["header", "body", "couponCode", "urlSuffix"],
            s => Has(s, s.IndexOf(CopyCode) >= 0, "coupon templates (a COPY_CODE button)") ?? (s.OfferExpires ? NeedsOwnRoute(s) : null), MapCoupon),
        new(LimitedTimeOffer, "SendLimitedTimeOfferTemplate",
            "Send a stored limited-time offer template: {to, language, offerExpiresAt (ISO 8601 or Unix ms, when the offer shows its expiry), couponCode?, urlSuffix?, header?, body?}.",
            ["header", "body", "offerExpiresAt", "couponCode", "urlSuffix"],
            s => Has(s, s.LimitedTimeOffer, "limited-time offer templates (a LIMITED_TIME_OFFER component)"), MapOffer),
        new(Carousel, "SendCarouselTemplate",
            "Send a stored carousel template: {to, language, body?, cards: [{header, body?, buttons?}]}, one card value set per approved card, in order.",
            ["body", "cards"], s => Has(s, s.Carousel, "carousel templates (a CAROUSEL component)"), v =>
            {
                v.Member("body");
                v.Member("cards");
            }),
        new(MultiProduct, "SendMultiProductTemplate",
            "Send a stored multi-product template (an MPM button): {to, language, thumbnailProductRetailerId, sections: [{title, productRetailerIds}], header?, body?}.",
            ["header", "body", "thumbnailProductRetailerId", "sections"], s => Has(s, s.IndexOf(Mpm) >= 0, "multi-product templates (an MPM button)"),
            MapMultiProduct),
    ];

    private const string CatalogKind = TemplateButtonsRules.Catalog;
    private static readonly HashSet<string> SectionMembers = ["title", "productRetailerIds"];

    /// <summary>The kind of route that fits a template best, for the hint in a refusal.</summary>
    public static string Suggest(TemplateShape s) =>
        s.Carousel ? Carousel
        : s.LimitedTimeOffer ? LimitedTimeOffer
        : s.IndexOf(Mpm) >= 0 ? MultiProduct
        : s.IndexOf(CatalogKind) >= 0 ? Catalog
        : s.IndexOf(CopyCode) >= 0 ? Coupon
        : s.Category switch
        {
            TemplateDefinitionRules.Authentication => Authentication,
            TemplateDefinitionRules.Marketing => Marketing,
            TemplateDefinitionRules.Utility => Utility,
            _ => "",
        };

    /// <summary>"a MARKETING carousel template": the category and the parts that make a kind.</summary>
    public static string Describe(TemplateShape s)
    {
        var parts = new List<string>();
        if (s.Carousel) parts.Add("carousel");
        if (s.LimitedTimeOffer) parts.Add("limited-time offer");
        if (s.IndexOf(Mpm) >= 0) parts.Add("multi-product");
        if (s.IndexOf(CatalogKind) >= 0) parts.Add("catalog");
        if (s.IndexOf(CopyCode) >= 0) parts.Add("coupon");
        var kind = parts.Count == 0 ? "" : " " + string.Join(", ", parts);
        return s.Category is null ? $"a template of no known category{kind}" : $"a {s.Category}{kind} template";
    }

    private static string? Category(TemplateShape s, string category) =>
        s.Category == category ? null : $"{category} templates";

    private static string? Has(TemplateShape s, bool has, string what) => has ? null : what;

    /// <summary>A carousel needs its cards and an offer that shows its expiry its end time: members only their own routes take.</summary>
    private static string? NeedsOwnRoute(TemplateShape s) =>
        s.Carousel ? "templates without a carousel" : s.OfferExpires ? "templates without an expiring limited-time offer" : null;

    private static void Plain(TypedTemplateValues v)
    {
        v.Member("header");
        v.Member("body");
        v.Member("buttons");
        v.Member("tapTarget", "tap_target");
    }

    private static void MapCatalog(TypedTemplateValues v)
    {
        v.Member("header");
        v.Member("body");
        // §1.8: without a thumbnail the button is still sent and Meta shows the catalog's first product.
        if (v.Request.TryGetPropertyValue("thumbnailProductRetailerId", out var thumbnail))
            v.Button(v.Shape.IndexOf(CatalogKind), new JsonObject { ["thumbnail_product_retailer_id"] = thumbnail?.DeepClone() },
                JsonPath.Member(JsonPath.Root, "thumbnailProductRetailerId"));
    }

    private static void MapCoupon(TypedTemplateValues v)
    {
        v.Member("header");
        v.Member("body");
        CouponAndUrl(v);
    }

    private static void MapOffer(TypedTemplateValues v)
    {
        v.Member("header");
        v.Member("body");
        CouponAndUrl(v);
        var path = JsonPath.Member(JsonPath.Root, "offerExpiresAt");
        var given = v.Request.TryGetPropertyValue("offerExpiresAt", out var node);
        v.Map(JsonPath.Member(JsonPath.Root, "expiration_time_ms"), path, collapse: true);
        if (!v.Shape.OfferExpires)
        {
            if (given) v.Errors.Add(path, "unexpected", "The template's offer shows no expiry, so it takes no 'offerExpiresAt'.");
            return;
        }
        if (!given || node is null)
        {
            v.Errors.Add(path, "required", "The template's offer shows its expiry: give 'offerExpiresAt' (ISO 8601, or Unix milliseconds).");
            return;
        }
        if (ExpiryMs(node, path, v.Errors, v.Now) is { } ms) v.Values["expiration_time_ms"] = ms;
    }

    /// <summary>The copy-code button takes <c>couponCode</c>, a URL button ending in a variable <c>urlSuffix</c>.</summary>
    private static void CouponAndUrl(TypedTemplateValues v)
    {
        Fill(v, "couponCode", v.Shape.IndexOf(CopyCode), "a COPY_CODE button");
        Fill(v, "urlSuffix", v.Shape.UrlVariableButton, "a URL button whose URL ends in a variable");
    }

    private static void Fill(TypedTemplateValues v, string member, int index, string what)
    {
        var path = JsonPath.Member(JsonPath.Root, member);
        var given = v.Request.TryGetPropertyValue(member, out var value);
        if (index >= 0) v.Button(index, value?.DeepClone(), path); // absent: the binder says the button needs it
        else if (given) v.Errors.Add(path, "unexpected", $"The template has no {what}, so it takes no '{member}'.");
    }

    /// <summary>
    /// §1.8's MPM action from <c>thumbnailProductRetailerId</c> and <c>sections: [{title, productRetailerIds}]</c>; values
    /// of a wrong type are passed on as they are, so the send rules name them (at the caller's paths).
    /// </summary>
    private static void MapMultiProduct(TypedTemplateValues v)
    {
        v.Member("header");
        v.Member("body");
        var action = new JsonObject();
        if (v.Request.TryGetPropertyValue("thumbnailProductRetailerId", out var thumbnail)) action["thumbnail_product_retailer_id"] = thumbnail?.DeepClone();
        var valuePath = v.Button(v.Shape.IndexOf(Mpm), action, JsonPath.Root);
        v.Map(JsonPath.Member(valuePath, "thumbnail_product_retailer_id"), JsonPath.Member(JsonPath.Root, "thumbnailProductRetailerId"), collapse: true);
        var sectionsPath = JsonPath.Member(JsonPath.Root, "sections");
        v.Map(JsonPath.Member(valuePath, "sections"), sectionsPath, collapse: false);
        if (!v.Request.TryGetPropertyValue("sections", out var sections)) return;
        if (sections is not JsonArray list)
        {
            action["sections"] = sections?.DeepClone();
            return;
        }
        var mapped = new JsonArray();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is not JsonObject section)
            {
                mapped.Add(list[i]?.DeepClone());
                continue;
            }
            var sectionPath = JsonPath.Index(sectionsPath, i);
            JsonRules.OnlyKnownMembers(section, sectionPath, v.Errors, SectionMembers);
            var item = new JsonObject();
            if (section.TryGetPropertyValue("title", out var title)) item["title"] = title?.DeepClone();
            var itemsPath = JsonPath.Member(JsonPath.Index(JsonPath.Member(valuePath, "sections"), i), "product_items");
            var idsPath = JsonPath.Member(sectionPath, "productRetailerIds");
            v.Map(itemsPath, idsPath, collapse: false);
            if (section.TryGetPropertyValue("productRetailerIds", out var ids))
            {
                if (ids is JsonArray idList)
                {
                    var items = new JsonArray();
                    for (var j = 0; j < idList.Count; j++)
                    {
                        items.Add(new JsonObject { ["product_retailer_id"] = idList[j]?.DeepClone() });
                        v.Map(JsonPath.Index(itemsPath, j), JsonPath.Index(idsPath, j), collapse: true);
                    }
                    item["product_items"] = items;
                }
                else
                {
                    item["product_items"] = ids?.DeepClone();
                }
            }
            mapped.Add(item);
        }
        action["sections"] = mapped;
    }

    /// <summary>An ISO 8601 time (UTC when no offset is given) or Unix milliseconds, in the future.</summary>
    private static long? ExpiryMs(JsonNode node, string path, ValidationErrors errors, DateTimeOffset now)
    {
        long ms;
        switch (node.GetValueKind())
        {
            case JsonValueKind.String when DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time):
                ms = time.ToUnixTimeMilliseconds();
                break;
            case JsonValueKind.Number when node.AsValue().TryGetValue<long>(out var given) && given > 0:
                ms = given;
                break;
            default:
                errors.Add(path, "format", "'offerExpiresAt' must be an ISO 8601 time such as 2026-12-01T00:00:00Z, or Unix milliseconds.");
                return null;
        }
        if (ms > now.ToUnixTimeMilliseconds()) return ms;
        errors.Add(path, "range", "'offerExpiresAt' must lie in the future: the offer would show as ended.");
        return null;
    }
}
