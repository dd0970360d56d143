using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// Binds <c>buttons: [ { "index": n, "value": … } ]</c> to the approved buttons of one scope (§1.8): a URL button
/// with a variable takes its suffix, a copy-code button its coupon code, a quick reply an optional payload, catalog /
/// multi-product / Flow / order-details buttons their <c>action</c> object. Indexes are the approved positions, as
/// Meta requires when any button carries variables.
/// </summary>
internal static class TemplateButtonBinder
{
    private enum Need { None, Optional, Required }

    private static readonly HashSet<string> ItemMembers = ["index", "value"];

    /// <summary>The button components of one scope; null when any value is broken or missing (each with one error).</summary>
    public static List<JsonObject>? Bind(IReadOnlyList<DefinedButton> defined, JsonObject values, string path, ValidationErrors errors)
    {
        var buttonsPath = JsonPath.Member(path, "buttons");
        var before = errors.All.Count;
        var given = new Dictionary<int, (JsonNode Value, string Path)>();
        // Buttons an item named (even with a broken value), and whether an item's index was unreadable: either way the
        // caller's error is already reported, and "missing" would only repeat it.
        var named = new HashSet<int>();
        var unclear = false;
        if (values.TryGetPropertyValue("buttons", out var node) && node is not null)
        {
            if (defined.All(b => NeedOf(b) == Need.None))
            {
                errors.Add(buttonsPath, "unexpected", "None of the template's buttons takes a value.");
                return null;
            }
            if (node is not JsonArray items)
            {
                errors.Add(buttonsPath, "type", "'buttons' must be an array of { \"index\", \"value\" } objects.");
                return null;
            }
            foreach (var (item, itemPath) in JsonRules.Objects(items, buttonsPath, errors))
            {
                JsonRules.OnlyKnownMembers(item, itemPath, errors, ItemMembers);
                var index = JsonRules.Integer(item, "index", itemPath, errors, required: true, min: 0, max: defined.Count - 1);
                if (index is not { } i)
                {
                    unclear = true;
                    continue;
                }
                var button = defined[(int)i];
                if (NeedOf(button) == Need.None)
                    errors.Add(JsonPath.Member(itemPath, "index"), "unexpected", $"Button {i} ({Label(button)}) takes no value.");
                else if (!named.Add((int)i))
                    errors.Add(JsonPath.Member(itemPath, "index"), "unique", $"Button {i} already has a value.");
                else if (!item.TryGetPropertyValue("value", out var value) || value is null)
                    errors.Add(JsonPath.Member(itemPath, "value"), "required", $"'value' is required for button {i} ({Label(button)}).");
                else
                    given[(int)i] = (value, JsonPath.Member(itemPath, "value"));
            }
        }
        var components = new List<JsonObject>();
        for (var i = 0; i < defined.Count; i++)
        {
            var button = defined[i];
            var need = NeedOf(button);
            if (need == Need.None) continue;
            if (given.TryGetValue(i, out var value))
            {
                if (Parameter(button, value.Value, value.Path, errors) is { } parameter)
                    components.Add(Component(SubType(button.Kind), i, parameter));
            }
            else if (need == Need.Required && !named.Contains(i) && !unclear)
                errors.Add(buttonsPath, "required", $"Button {i} ({Label(button)}) needs a value: {Expected(button)}.");
            // §1.8 (catalog, shape unconfirmed): the button is sent even without a thumbnail; Meta then shows the first product.
            else if (button.Kind == TemplateButtonsRules.Catalog && !named.Contains(i))
                components.Add(Component("catalog", i, new JsonObject { ["type"] = "action", ["action"] = new JsonObject() }));
        }
        return errors.All.Count == before ? components : null;
    }

    /// <summary>A <c>button</c> component of the send object.</summary>
    public static JsonObject Component(string subType, int index, JsonObject parameter) => new()
    {
        ["type"] = "button", ["sub_type"] = subType, ["index"] = index, ["parameters"] = new JsonArray(parameter),
    };

    private static Need NeedOf(DefinedButton button) => button.Kind switch
    {
        TemplateButtonsRules.Url => button.UrlVariable ? Need.Required : Need.None,
        TemplateButtonsRules.CopyCode or TemplateButtonsRules.Mpm or TemplateButtonsRules.OrderDetails => Need.Required,
        TemplateButtonsRules.QuickReply or TemplateButtonsRules.Catalog or TemplateButtonsRules.Flow => Need.Optional,
        // Phone, SPM (the product comes from the card header), voice call and OTP (bound from 'code') take nothing here.
        _ => Need.None,
    };

    private static JsonObject? Parameter(DefinedButton button, JsonNode value, string path, ValidationErrors errors)
    {
        switch (button.Kind)
        {
            case TemplateButtonsRules.Url:
                return StringParameter(value, path, errors, "text", TemplateButtonRules.MaxUrlLength, button);
            case TemplateButtonsRules.CopyCode:
                return StringParameter(value, path, errors, "coupon_code", TemplateParameterRules.MaxCouponCodeLength, button);
            case TemplateButtonsRules.QuickReply:
                return StringParameter(value, path, errors, "payload", int.MaxValue, button);
            default:
                if (value is not JsonObject action)
                {
                    errors.Add(path, "type", $"Button ({Label(button)}) takes {Expected(button)}.");
                    return null;
                }
                var before = errors.All.Count;
                TemplateButtonRules.ActionRules(SubType(button.Kind))?.Invoke(action, path, errors);
                return errors.All.Count == before ? new JsonObject { ["type"] = "action", ["action"] = action.DeepClone() } : null;
        }
    }

    private static JsonObject? StringParameter(JsonNode value, string path, ValidationErrors errors, string type, int max, DefinedButton button)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(path, "type", $"Button ({Label(button)}) takes {Expected(button)}.");
            return null;
        }
        var text = value.GetValue<string>();
        var length = JsonRules.CodePointLength(text);
        if (length == 0 || string.IsNullOrWhiteSpace(text))
            errors.Add(path, "required", "The value must not be empty.");
        else if (length > max)
            errors.Add(path, "maxLength", $"This value may have at most {max} characters (has {length}).");
        else
            return new JsonObject { ["type"] = type, [type] = text };
        return null;
    }

    private static string SubType(string kind) => kind.ToLowerInvariant();

    private static string Label(DefinedButton button) => button.Kind.Length > 0 ? button.Kind : "unreadable";

    private static string Expected(DefinedButton button) => button.Kind switch
    {
        TemplateButtonsRules.Url => $"the URL suffix as a string (≤ {TemplateButtonRules.MaxUrlLength} characters)",
        TemplateButtonsRules.CopyCode => $"the coupon code as a string (≤ {TemplateParameterRules.MaxCouponCodeLength} characters)",
        TemplateButtonsRules.QuickReply => "the payload as a string",
        TemplateButtonsRules.Mpm => "an action object { thumbnail_product_retailer_id, sections }",
        TemplateButtonsRules.Catalog => "an action object { thumbnail_product_retailer_id }",
        TemplateButtonsRules.Flow => "an action object { flow_token, flow_action_data }",
        _ => "an action object { order_details }",
    };
}
