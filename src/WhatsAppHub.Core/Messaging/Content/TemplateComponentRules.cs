using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// The <c>components</c> of a template send (§1.8), at the template's top level or inside a carousel card: which
/// component types may appear (each once, buttons up to the scope's limit) and which parameter types each takes.
/// </summary>
public static class TemplateComponentRules
{
    public const int MaxHeaderTextLength = 60;
    public const int MaxBodyTextLength = 1024;
    public const int MaxCardBodyTextLength = 160;
    public const int MinCards = 2;
    public const int MaxCards = 10;
    public const int MaxCardButtons = 2;

    private static readonly string[] TopLevelTypes = ["header", "body", "button", "limited_time_offer", "carousel", "tap_target_configuration"];
    private static readonly string[] CardTypes = ["header", "body", "button"];
    private static readonly string[] HeaderParameters = ["text", "image", "video", "document", "location"];
    // Media cards carry an image or video header; product cards a product (shape per Meta's product-card carousel).
    private static readonly string[] CardHeaderParameters = ["image", "video", "product"];
    private static readonly string[] BodyParameters = ["text", "currency", "date_time"];
    private static readonly string[] OfferParameters = ["limited_time_offer"];
    private static readonly string[] TapTargetParameters = ["tap_target_configuration"];
    private static readonly HashSet<string> ParameterMembers = ["type", "parameters"];
    private static readonly HashSet<string> CarouselMembers = ["type", "cards"];
    private static readonly HashSet<string> CardMembers = ["card_index", "components"];

    public static void Validate(JsonArray components, string path, ValidationErrors errors, bool inCard)
    {
        var allowed = inCard ? CardTypes : TopLevelTypes;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var buttons = new TemplateButtonRules.Tally(inCard ? MaxCardButtons : TemplateButtonRules.MaxButtons);
        foreach (var (component, componentPath) in JsonRules.Objects(components, path, errors))
        {
            var type = JsonRules.String(component, "type", componentPath, errors, required: true, minLength: 1);
            if (type is not { Length: > 0 }) continue;
            if (!allowed.Contains(type))
            {
                errors.Add(JsonPath.Member(componentPath, "type"), "enum", $"A component here must have 'type' one of: {string.Join(", ", allowed)}.");
                continue;
            }
            if (type != "button" && !seen.Add(type))
                errors.Add(JsonPath.Member(componentPath, "type"), "unique", $"A template has one '{type}' component at most.");
            switch (type)
            {
                case "header":
                    Parameters(component, componentPath, errors, inCard ? CardHeaderParameters : HeaderParameters, MaxHeaderTextLength, exactlyOne: true);
                    break;
                case "body":
                    Parameters(component, componentPath, errors, BodyParameters, inCard ? MaxCardBodyTextLength : MaxBodyTextLength, exactlyOne: false);
                    break;
                case "limited_time_offer":
                    Parameters(component, componentPath, errors, OfferParameters, 0, exactlyOne: true);
                    break;
                case "tap_target_configuration":
                    Parameters(component, componentPath, errors, TapTargetParameters, 0, exactlyOne: true);
                    break;
                case "button":
                    TemplateButtonRules.Validate(component, componentPath, errors, buttons);
                    break;
                case "carousel":
                    Carousel(component, componentPath, errors);
                    break;
            }
        }
    }

    private static void Parameters(JsonObject component, string path, ValidationErrors errors, string[] types, int textMax, bool exactlyOne)
    {
        JsonRules.OnlyKnownMembers(component, path, errors, ParameterMembers);
        var parameters = JsonRules.Array(component, "parameters", path, errors, required: true, minCount: 1, maxCount: exactlyOne ? 1 : int.MaxValue);
        if (parameters is null) return;
        var parametersPath = JsonPath.Member(path, "parameters");
        var named = new HashSet<string>(StringComparer.Ordinal);
        var positional = 0;
        foreach (var (parameter, parameterPath) in JsonRules.Objects(parameters, parametersPath, errors))
        {
            if (TemplateParameterRules.Validate(parameter, parameterPath, errors, types, textMax) != "text") continue;
            if (parameter["parameter_name"] is JsonValue v && v.TryGetValue<string>(out var name))
            {
                if (!named.Add(name))
                    errors.Add(JsonPath.Member(parameterPath, "parameter_name"), "unique", $"'{name}' is given twice.");
            }
            else positional++;
        }
        // Meta refuses a send that mixes named and positional values (error 132012).
        if (named.Count > 0 && positional > 0)
            errors.Add(parametersPath, "parameterFormat", "Give every text parameter a 'parameter_name' (named template) or none (positional template), not a mix.");
    }

    /// <summary>Media / product card carousel: 2–10 cards, each with its own index and components (≤ 2 buttons).</summary>
    private static void Carousel(JsonObject carousel, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(carousel, path, errors, CarouselMembers);
        var cards = JsonRules.Array(carousel, "cards", path, errors, required: true, minCount: MinCards, maxCount: MaxCards);
        if (cards is null) return;
        var indexes = new HashSet<long>();
        foreach (var (card, cardPath) in JsonRules.Objects(cards, JsonPath.Member(path, "cards"), errors))
        {
            JsonRules.OnlyKnownMembers(card, cardPath, errors, CardMembers);
            var index = JsonRules.Integer(card, "card_index", cardPath, errors, required: true, min: 0, max: MaxCards - 1);
            if (index is { } i && !indexes.Add(i))
                errors.Add(JsonPath.Member(cardPath, "card_index"), "unique", $"Another card already has card_index {i}.");
            var components = JsonRules.Array(card, "components", cardPath, errors, required: true, minCount: 1);
            if (components is not null) Validate(components, JsonPath.Member(cardPath, "components"), errors, inCard: true);
        }
    }
}
