using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// What kind of template a stored definition is, as the typed send routes need to know it: its category, its
/// template-level buttons in their approved order (a URL button marked when its URL ends in a variable), whether it is
/// a limited-time offer (and shows the expiry), a carousel, and an authentication code's expiry. Read as leniently as
/// <see cref="TemplateBinder"/> reads definitions, so it never throws on a row EUM wrote.
/// </summary>
public sealed record TemplateShape(string? Category, IReadOnlyList<string> Buttons, int UrlVariableButton, bool LimitedTimeOffer,
    bool OfferExpires, bool Carousel, int? CodeExpirationMinutes)
{
    /// <summary>The shape of <paramref name="definitionJson"/>; an unreadable definition has no category and no parts.</summary>
    public static TemplateShape Read(string definitionJson)
    {
        var root = JsonBody.ParseObject(Encoding.UTF8.GetBytes(definitionJson), new ValidationErrors());
        if (root is null) return new TemplateShape(null, [], -1, false, false, false, null);
        var category = root["category"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>().ToUpperInvariant() : null;
        var stored = BindingDefinition.Read(root, out _);
        var buttons = stored?.Template.Buttons ?? [];
        return new TemplateShape(category, buttons.Select(b => b.Kind).ToList(), buttons.ToList().FindIndex(b => b.UrlVariable),
            stored?.HasOffer ?? false, stored?.OfferExpires ?? false, stored?.Cards is not null, CodeExpiration(root));
    }

    /// <summary>The index of the first template-level button of <paramref name="kind"/>, or -1.</summary>
    public int IndexOf(string kind) => Buttons.ToList().IndexOf(kind);

    /// <summary>§3.7: <c>code_expiration_minutes</c> sits on the FOOTER component of an authentication template.</summary>
    private static int? CodeExpiration(JsonObject root)
    {
        if (root["components"] is not JsonArray components) return null;
        foreach (var component in components.OfType<JsonObject>())
            if (component["code_expiration_minutes"] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                && value.TryGetValue<int>(out var minutes))
                return minutes;
        return null;
    }
}
