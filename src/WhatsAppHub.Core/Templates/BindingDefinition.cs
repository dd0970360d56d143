using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Templates;

/// <summary>One button of a stored definition: its kind (upper case) and, for URL buttons, whether the URL ends in a variable.</summary>
internal sealed record DefinedButton(string Kind, bool UrlVariable);

/// <summary>
/// What one scope of a stored definition (the template itself, or one carousel card) asks for at send: the header's
/// format and its variables, the body's text and variables, and the buttons in their approved order.
/// </summary>
internal sealed record BindingScope(string? HeaderFormat, IReadOnlyList<string> HeaderVariables, string? BodyText,
    IReadOnlyList<string> BodyVariables, IReadOnlyList<DefinedButton> Buttons);

/// <summary>
/// A stored template definition read for binding. Stored definitions are either what the hub validated
/// (<see cref="TemplateDefinitionRules"/>) or what EUM returns (Meta's form, with ids, statuses and OTP buttons stored
/// as <c>URL</c>), so the reader is lenient: it takes what binding needs, ignores the rest, and never throws.
/// </summary>
internal sealed record BindingDefinition(string Name, string Language, bool Authentication, bool Named, BindingScope Template,
    bool OfferExpires, bool HasOffer, IReadOnlyList<BindingScope>? Cards)
{
    /// <summary>The definition, or null with the reason it cannot be bound.</summary>
    public static BindingDefinition? Read(JsonObject root, out string? problem)
    {
        problem = null;
        var name = Text(root, "name");
        var language = Text(root, "language");
        if (name is not { Length: > 0 } || language is not { Length: > 0 })
        {
            problem = "it has no 'name' or 'language'";
            return null;
        }
        if (root["components"] is not JsonArray components)
        {
            problem = "it has no 'components' array";
            return null;
        }
        var named = string.Equals(Text(root, "parameter_format"), "named", StringComparison.OrdinalIgnoreCase);
        var template = Scope(components);
        // §3.5: an OTP button is stored as URL after creation, so the category is what marks authentication.
        var authentication = string.Equals(Text(root, "category"), TemplateDefinitionRules.Authentication, StringComparison.OrdinalIgnoreCase)
                             || template.Buttons.Any(b => b.Kind == TemplateButtonsRules.Otp);
        var offer = Component(components, TemplateComponentsRules.LimitedTimeOffer);
        var expires = offer?["limited_time_offer"] is JsonObject details && details["has_expiration"] is JsonValue flag
                      && flag.GetValueKind() == JsonValueKind.True;
        List<BindingScope>? cards = null;
        if (Component(components, TemplateComponentsRules.Carousel)?["cards"] is JsonArray cardArray)
            cards = cardArray.Select(card => Scope(card is JsonObject c && c["components"] is JsonArray a ? a : [])).ToList();
        return new BindingDefinition(name, language, authentication, named, template, expires, offer is not null, cards);
    }

    private static BindingScope Scope(JsonArray components)
    {
        var header = Component(components, TemplateComponentsRules.Header);
        var headerFormat = header is null ? null : Text(header, "format")?.ToUpperInvariant();
        var headerText = headerFormat == TemplateHeaderRules.Text ? Text(header!, "text") : null;
        var bodyText = Component(components, TemplateComponentsRules.Body) is { } body ? Text(body, "text") : null;
        var buttons = new List<DefinedButton>();
        if (Component(components, TemplateComponentsRules.Buttons)?["buttons"] is JsonArray list)
        {
            foreach (var item in list)
            {
                // Unreadable buttons keep their place, so the indexes of the others stay the approved ones.
                var kind = item is JsonObject button ? Text(button, "type")?.ToUpperInvariant() ?? "" : "";
                var url = item is JsonObject b && kind == TemplateButtonsRules.Url ? Text(b, "url") : null;
                buttons.Add(new DefinedButton(kind, url is not null && TemplateVariables.Names(url).Count > 0));
            }
        }
        return new BindingScope(headerFormat, headerText is null ? [] : TemplateVariables.Names(headerText), bodyText,
            bodyText is null ? [] : TemplateVariables.Names(bodyText), buttons);
    }

    private static JsonObject? Component(JsonArray components, string type) =>
        components.OfType<JsonObject>().FirstOrDefault(c => string.Equals(Text(c, "type"), type, StringComparison.OrdinalIgnoreCase));

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
