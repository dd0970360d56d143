using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// Binds the <c>header</c>, <c>body</c> and <c>buttons</c> values of one scope (the template, or one carousel card)
/// to its stored definition and returns the send components in that order (§1.8).
/// </summary>
internal static class TemplateScopeBinder
{
    /// <summary>The components of the scope; null when any value is broken or missing (each with one error).</summary>
    public static List<JsonObject>? Bind(BindingScope scope, JsonObject values, string path, ValidationErrors errors, bool named, bool inCard)
    {
        var before = errors.All.Count;
        var components = new List<JsonObject>();
        var header = Header(scope, values, path, errors, named);
        if (header is { Count: > 0 }) components.Add(Component("header", header));

        var bodyMax = inCard ? TemplateComponentRules.MaxCardBodyTextLength : TemplateComponentRules.MaxBodyTextLength;
        var body = TemplateValueBinder.Variables(values, "body", scope.BodyVariables, named, path, errors, TemplateValueBinder.BodyTypes, bodyMax);
        if (body is { Count: > 0 })
        {
            // §1.8: a card's variables count towards its 160-character body, so the filled text is what must fit.
            var filled = inCard && scope.BodyText is not null ? JsonRules.CodePointLength(Fill(scope.BodyText, scope.BodyVariables, named, body)) : 0;
            if (filled > bodyMax)
                errors.Add(JsonPath.Member(path, "body"), "maxLength", $"With these values the card's body has {filled} characters; at most {bodyMax} fit.");
            components.Add(Component("body", body));
        }

        var buttons = TemplateButtonBinder.Bind(scope.Buttons, values, path, errors);
        if (buttons is not null) components.AddRange(buttons);
        return errors.All.Count == before ? components : null;
    }

    public static JsonObject Component(string type, IEnumerable<JsonObject> parameters) => new()
    {
        ["type"] = type, ["parameters"] = new JsonArray(parameters.Cast<JsonNode>().ToArray()),
    };

    private static List<JsonObject>? Header(BindingScope scope, JsonObject values, string path, ValidationErrors errors, bool named)
    {
        var headerPath = JsonPath.Member(path, "header");
        var given = values.TryGetPropertyValue("header", out var node) && node is not null;
        switch (scope.HeaderFormat)
        {
            case TemplateHeaderRules.Text:
                return TemplateValueBinder.Variables(values, "header", scope.HeaderVariables, named, path, errors, ["text"],
                    TemplateComponentRules.MaxHeaderTextLength);
            case TemplateHeaderRules.Image or TemplateHeaderRules.Video or TemplateHeaderRules.Document or TemplateHeaderRules.Location
                or TemplateHeaderRules.Product:
                var type = scope.HeaderFormat.ToLowerInvariant();
                if (!given)
                {
                    errors.Add(headerPath, "required", $"The template has a {scope.HeaderFormat} header: give {{\"{type}\": {{…}}}}.");
                    return null;
                }
                return TemplateValueBinder.Parameter(node!, headerPath, errors, [type], TemplateComponentRules.MaxHeaderTextLength, null) is { } parameter
                    ? [parameter]
                    : null;
            case TemplateHeaderRules.Gif:
                // §3.5, §4: GIF headers are sent through the Marketing Messages Lite API, whose send shape the hub does not know.
                errors.Add(headerPath, "unsupported", "GIF headers are sent through the Marketing Messages Lite API, which the hub does not bind.");
                return null;
            default:
                if (given) errors.Add(headerPath, "unexpected", "The template has no header that takes a value.");
                return given ? null : [];
        }
    }

    /// <summary>The body text with each variable replaced by its value (currency and date_time by their fallback).</summary>
    private static string Fill(string text, IReadOnlyList<string> names, bool named, List<JsonObject> parameters)
    {
        for (var i = 0; i < names.Count && i < parameters.Count; i++)
        {
            // Named values follow the template's order of names; positional value i fills {{i+1}} wherever it sits.
            var placeholder = named ? names[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var parameter = parameters[i];
            var type = (string)parameter["type"]!;
            var value = type == "text" ? (string?)parameter["text"] : (string?)parameter[type]?["fallback_value"];
            text = text.Replace("{{" + placeholder + "}}", value ?? "", StringComparison.Ordinal);
        }
        return text;
    }
}
