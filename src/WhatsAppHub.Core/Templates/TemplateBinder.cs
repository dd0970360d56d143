using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// Binds a caller's values to a stored template definition and builds the Cloud API <c>template</c> send object
/// (§1.8: <c>name</c>, <c>language.code</c>, <c>components</c>), so a wrong count, type or missing value is refused
/// before EUM is called: one <see cref="ValidationError"/> per problem, at the JSON path of the caller's value under
/// <c>path</c>. The output is what <see cref="TemplateContentRules"/> accepts. Values (every member optional; give
/// those the template asks for):
/// <list type="bullet">
/// <item><c>header</c>: a text header's variable like <c>body</c>; a media or location header one object named for
/// its format: <c>{"image": {"id"|"link"}}</c>, <c>{"video": …}</c>, <c>{"document": {"id"|"link", "filename"?}}</c>,
/// <c>{"location": {latitude, longitude, name?, address?}}</c>; a hub media id is a valid <c>id</c> (the send path
/// resolves it).</item>
/// <item><c>body</c>: a named template's values by name, <c>{"first_name": "Priya"}</c>; a positional one's as an
/// array in <c>{{1}}</c>, <c>{{2}}</c>… order. Each value is a string (text) or, in a positional body,
/// <c>{"currency": {fallback_value, code, amount_1000}}</c> / <c>{"date_time": {fallback_value}}</c>.</item>
/// <item><c>buttons</c>: <c>[{"index": n, "value": …}]</c>, n the approved position: a URL button with a variable
/// takes the suffix string, a copy-code button the coupon code, a quick reply its payload (optional), catalog /
/// multi-product / Flow / order-details buttons their <c>action</c> object.</item>
/// <item><c>code</c>: an authentication template's one-time code (≤ 15); it fills the body and the OTP button
/// (copy-code, one-tap and zero-tap alike), so nothing else is given.</item>
/// <item><c>expiration_time_ms</c>: a limited-time offer's end (Unix ms) when its definition shows an expiry.</item>
/// <item><c>cards</c>: a carousel's cards in order, one per approved card, each with its own <c>header</c>
/// (<c>{"image"|"video": …}</c> or <c>{"product": {product_retailer_id, catalog_id}}</c>), <c>body</c>, <c>buttons</c>.</item>
/// <item><c>tap_target</c>: <c>{url, title}</c>, the tap-target title override (§3.14) for a template with a URL button.</item>
/// </list>
/// </summary>
public static class TemplateBinder
{
    /// <summary>§3.7: an authentication code is at most 15 characters.</summary>
    public const int MaxCodeLength = 15;

    private static readonly HashSet<string> Members = ["header", "body", "buttons", "code", "expiration_time_ms", "cards", "tap_target"];
    private static readonly HashSet<string> CardMembers = ["header", "body", "buttons"];
    private static readonly HashSet<string> TapTargetMembers = ["url", "title"];
    private static readonly TemplateContentRules SendRules = new();

    /// <summary>The send object, or null when <paramref name="errors"/> gained entries.</summary>
    public static JsonObject? Bind(JsonElement definition, JsonElement values, string path, ValidationErrors errors)
    {
        var before = errors.All.Count;
        var stored = ReadDefinition(definition, path, errors);
        var given = ReadValues(values, path, errors);
        if (stored is null || given is null) return null;
        JsonRules.OnlyKnownMembers(given, path, errors, Members);

        var components = stored.Authentication ? Authentication(stored, given, path, errors) : Custom(stored, given, path, errors);
        if (components is null || errors.All.Count != before) return null;
        var template = new JsonObject
        {
            ["name"] = stored.Name,
            ["language"] = new JsonObject { ["code"] = stored.Language },
        };
        if (components.Count > 0) template["components"] = new JsonArray(components.Cast<JsonNode>().ToArray());
        // Every value was checked by the send rules as it was bound; what is left to break them is a stored definition
        // that is itself broken (a bad name, more buttons of a kind than Meta allows), which no value can fix.
        var send = new ValidationErrors();
        SendRules.Validate(template, JsonPath.Root, send);
        if (send.IsEmpty) return template;
        errors.Add(path, "definition", $"The stored template cannot be bound: its send would break a send rule ({send.All[0].Message}).");
        return null;
    }

    /// <summary>§1.8, §3.7: the code is the body's one variable and the OTP button's URL parameter.</summary>
    private static List<JsonObject>? Authentication(BindingDefinition stored, JsonObject given, string path, ValidationErrors errors)
    {
        foreach (var (name, _) in given)
            if (name != "code" && Members.Contains(name))
                errors.Add(JsonPath.Member(path, name), "unexpected", "An authentication template takes only 'code'; it fills the body and the OTP button.");
        var code = JsonRules.String(given, "code", path, errors, required: true, minLength: 1, maxLength: MaxCodeLength);
        if (code is not { Length: > 0 } || JsonRules.CodePointLength(code) > MaxCodeLength) return null;
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(JsonPath.Member(path, "code"), "required", "'code' must not be blank.");
            return null;
        }
        var components = new List<JsonObject> { TemplateScopeBinder.Component("body", [Text(code)]) };
        var otp = stored.Template.Buttons.ToList().FindIndex(b => b.Kind is TemplateButtonsRules.Otp or TemplateButtonsRules.Url);
        if (otp >= 0) components.Add(TemplateButtonBinder.Component("url", otp, Text(code)));
        return components;
    }

    private static List<JsonObject>? Custom(BindingDefinition stored, JsonObject given, string path, ValidationErrors errors)
    {
        if (given.ContainsKey("code"))
            errors.Add(JsonPath.Member(path, "code"), "unexpected", "'code' is for authentication templates.");
        var components = TemplateScopeBinder.Bind(stored.Template, given, path, errors, stored.Named, inCard: false);
        var offer = Offer(stored, given, path, errors);
        if (offer is not null && components is not null)
        {
            // §1.8's example: the offer sits after the body, before the buttons.
            var firstButton = components.FindIndex(c => (string?)c["type"] == "button");
            components.Insert(firstButton < 0 ? components.Count : firstButton, offer);
        }
        var carousel = Carousel(stored, given, path, errors);
        if (carousel is not null) components?.Add(carousel);
        var tapTarget = TapTarget(stored, given, path, errors);
        if (tapTarget is not null) components?.Add(tapTarget);
        return components;
    }

    /// <summary>§3.8: an offer that shows its expiry is sent with <c>expiration_time_ms</c>; one that does not takes nothing.</summary>
    private static JsonObject? Offer(BindingDefinition stored, JsonObject given, string path, ValidationErrors errors)
    {
        if (!stored.OfferExpires)
        {
            if (given.ContainsKey("expiration_time_ms"))
                errors.Add(JsonPath.Member(path, "expiration_time_ms"), "unexpected", "The template shows no offer expiry, so it takes no 'expiration_time_ms'.");
            return null;
        }
        var expires = JsonRules.Integer(given, "expiration_time_ms", path, errors, required: true, min: 1);
        if (expires is null) return null;
        return TemplateScopeBinder.Component("limited_time_offer",
            [new JsonObject { ["type"] = "limited_time_offer", ["limited_time_offer"] = new JsonObject { ["expiration_time_ms"] = expires } }]);
    }

    /// <summary>§1.8, §3.8: one value set per approved card, in order; the number of cards sent equals the number approved.</summary>
    private static JsonObject? Carousel(BindingDefinition stored, JsonObject given, string path, ValidationErrors errors)
    {
        var cardsPath = JsonPath.Member(path, "cards");
        if (stored.Cards is null)
        {
            if (given.ContainsKey("cards")) errors.Add(cardsPath, "unexpected", "The template has no carousel, so it takes no 'cards'.");
            return null;
        }
        var cards = JsonRules.Array(given, "cards", path, errors, required: true);
        if (cards is null) return null;
        if (cards.Count != stored.Cards.Count)
        {
            errors.Add(cardsPath, "count", $"The template has {stored.Cards.Count} cards, so it takes {stored.Cards.Count} card values (has {cards.Count}).");
            return null;
        }
        var bound = new JsonArray();
        var broken = false;
        var i = 0;
        foreach (var (card, cardPath) in JsonRules.Objects(cards, cardsPath, errors))
        {
            var index = i++;
            JsonRules.OnlyKnownMembers(card, cardPath, errors, CardMembers);
            var components = TemplateScopeBinder.Bind(stored.Cards[index], card, cardPath, errors, stored.Named, inCard: true);
            if (components is null) { broken = true; continue; }
            bound.Add(new JsonObject { ["card_index"] = index, ["components"] = new JsonArray(components.Cast<JsonNode>().ToArray()) });
        }
        return broken || bound.Count != cards.Count ? null : new JsonObject { ["type"] = "carousel", ["cards"] = bound };
    }

    /// <summary>§3.14: a custom title for the destination of the template's first URL button.</summary>
    private static JsonObject? TapTarget(BindingDefinition stored, JsonObject given, string path, ValidationErrors errors)
    {
        var targetPath = JsonPath.Member(path, "tap_target");
        if (!given.ContainsKey("tap_target")) return null;
        if (!stored.Template.Buttons.Any(b => b.Kind == TemplateButtonsRules.Url))
        {
            errors.Add(targetPath, "unexpected", "The tap-target title override needs a template with a URL button.");
            return null;
        }
        var target = JsonRules.Object(given, "tap_target", path, errors, required: true);
        if (target is null) return null;
        var before = errors.All.Count;
        JsonRules.OnlyKnownMembers(target, targetPath, errors, TapTargetMembers);
        var url = UrlRules.Https(target, "url", targetPath, errors, TemplateButtonRules.MaxUrlLength);
        var title = JsonRules.String(target, "title", targetPath, errors, required: true, minLength: 1, maxLength: TemplateButtonRules.MaxButtonLabelLength);
        if (errors.All.Count != before || url is null || title is null) return null;
        return TemplateScopeBinder.Component("tap_target_configuration",
        [
            new JsonObject
            {
                ["type"] = "tap_target_configuration",
                ["tap_target_configuration"] = new JsonArray(new JsonObject { ["url"] = url, ["title"] = title }),
            },
        ]);
    }

    private static JsonObject Text(string text) => new() { ["type"] = "text", ["text"] = text };

    /// <summary>The stored definition; a broken one is one error at <paramref name="path"/>, as the caller cannot fix it by changing values.</summary>
    private static BindingDefinition? ReadDefinition(JsonElement definition, string path, ValidationErrors errors)
    {
        var parseErrors = new ValidationErrors();
        var root = definition.ValueKind == JsonValueKind.Object
            ? JsonBody.ParseObject(Encoding.UTF8.GetBytes(definition.GetRawText()), parseErrors)
            : null;
        string? problem = root is null ? "it is not a JSON object" : null;
        var stored = root is null ? null : BindingDefinition.Read(root, out problem);
        if (stored is null) errors.Add(path, "definition", $"The stored template cannot be bound: {problem}.");
        return stored;
    }

    /// <summary>
    /// The values as a <see cref="JsonObject"/> (absent or null: none, for a template without variables). They go
    /// through <see cref="JsonBody"/> again because a <see cref="JsonElement"/> may hold duplicate members or lone
    /// surrogates that would otherwise throw later; its errors are moved under <paramref name="path"/>.
    /// </summary>
    private static JsonObject? ReadValues(JsonElement values, string path, ValidationErrors errors)
    {
        if (values.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        if (values.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "type", "The template values must be a JSON object.");
            return null;
        }
        var parseErrors = new ValidationErrors();
        var root = JsonBody.ParseObject(Encoding.UTF8.GetBytes(values.GetRawText()), parseErrors);
        foreach (var error in parseErrors.All)
            errors.Add(path, error.Rule, error.Message.Replace("The body", "The template values", StringComparison.Ordinal));
        return root;
    }
}
