using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// The <c>CAROUSEL</c> component (§3.8): 2–10 cards, each an image or video header (or a catalog product for a product
/// card carousel), an optional body of at most 160 characters, and at most 2 buttons. Every card has the same
/// structure as the first: header format, body present or not, the same button kinds in the same order.
/// </summary>
public static class CarouselDefinitionRules
{
    public const int MinCards = 2;
    public const int MaxCards = 10;
    public const int MaxCardButtons = 2;

    public static IReadOnlyList<string> CardTypes { get; } =
        [TemplateComponentsRules.Header, TemplateComponentsRules.Body, TemplateComponentsRules.Buttons];
    public static IReadOnlySet<string> CardHeaderFormats { get; } =
        new HashSet<string> { TemplateHeaderRules.Image, TemplateHeaderRules.Video, TemplateHeaderRules.Product };

    private static readonly HashSet<string> MediaCardButtons =
        [TemplateButtonsRules.QuickReply, TemplateButtonsRules.PhoneNumber, TemplateButtonsRules.Url];
    private static readonly HashSet<string> ProductCardButtons = [TemplateButtonsRules.Spm, TemplateButtonsRules.Url];
    private static readonly HashSet<string> ComponentMembers = ["type", "cards"];
    private static readonly HashSet<string> CardMembers = ["components"];

    public static void Validate(JsonObject component, string path, ValidationErrors errors, DefinitionContext context)
    {
        JsonRules.OnlyKnownMembers(component, path, errors, ComponentMembers);
        var cards = JsonRules.Array(component, "cards", path, errors, required: true, minCount: MinCards, maxCount: MaxCards);
        if (cards is null) return;
        string? first = null;
        foreach (var (card, cardPath) in JsonRules.Objects(cards, JsonPath.Member(path, "cards"), errors))
        {
            var shape = Card(card, cardPath, errors, context);
            if (shape is null) continue;
            if (first is null) first = shape;
            else if (shape != first)
                errors.Add(cardPath, "cardStructure", $"Every card must be built like the first ({first}); this one is {shape}.");
        }
    }

    /// <summary>Checks one card and describes its structure (null when it is too broken to compare).</summary>
    private static string? Card(JsonObject card, string path, ValidationErrors errors, DefinitionContext context)
    {
        JsonRules.OnlyKnownMembers(card, path, errors, CardMembers);
        var components = JsonRules.Array(card, "components", path, errors, required: true, minCount: 1);
        if (components is null) return null;
        var componentsPath = JsonPath.Member(path, "components");
        string? header = null;
        var hasBody = false;
        var buttonKinds = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var broken = false;
        // The header decides which buttons a card may have, so it is read first wherever it sits.
        var ordered = JsonRules.Objects(components, componentsPath, errors)
            .OrderBy(c => c.Item["type"] is JsonValue v && v.TryGetValue<string>(out var t)
                          && t.Equals(TemplateComponentsRules.Header, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ToList();
        foreach (var (component, componentPath) in ordered)
        {
            var type = TemplateComponentsRules.ReadType(component, componentPath, errors, CardTypes);
            if (type is null) { broken = true; continue; }
            if (!seen.Add(type))
            {
                errors.Add(JsonPath.Member(componentPath, "type"), "unique", $"A card has at most one {type} component.");
                broken = true;
                continue;
            }
            switch (type)
            {
                case TemplateComponentsRules.Header:
                    header = TemplateHeaderRules.Validate(component, componentPath, errors, context, CardHeaderFormats);
                    broken |= header is null;
                    break;
                case TemplateComponentsRules.Body:
                    hasBody = true;
                    TemplateBodyRules.Body(component, componentPath, errors, context, TemplateBodyRules.MaxCardBodyLength);
                    break;
                default:
                    var allowed = header == TemplateHeaderRules.Product ? ProductCardButtons : MediaCardButtons;
                    buttonKinds.AddRange(TemplateButtonsRules.Validate(component, componentPath, errors, context, allowed, MaxCardButtons));
                    break;
            }
        }
        if (!seen.Contains(TemplateComponentsRules.Header))
        {
            errors.Add(componentsPath, "required", "Each card needs a HEADER component (IMAGE, VIDEO or PRODUCT).");
            return null;
        }
        return broken ? null : $"{header} header, {(hasBody ? "a body" : "no body")}, buttons [{string.Join(", ", buttonKinds)}]";
    }
}
