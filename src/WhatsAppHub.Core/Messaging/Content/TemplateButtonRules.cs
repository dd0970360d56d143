using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// A <c>button</c> component of a template send (§1.8): <c>sub_type</c>, the 0-based <c>index</c> of the button in the
/// approved template, and the one parameter its sub_type takes. Counts per template follow §3.5 and §9.
/// </summary>
public static class TemplateButtonRules
{
    public const int MaxButtons = 10;
    public const int MaxUrlButtons = 2;
    /// <summary>A template URL is at most 2000 characters, so its variable suffix is too.</summary>
    public const int MaxUrlLength = 2000;
    public const int MaxButtonLabelLength = 25;

    private static readonly HashSet<string> Members = ["type", "sub_type", "index", "parameters"];
    private static readonly HashSet<string> SingleButtonSubTypes = ["copy_code", "catalog", "mpm", "flow", "order_details", "voice_call"];
    private static readonly HashSet<string> CatalogMembers = ["thumbnail_product_retailer_id"];
    private static readonly HashSet<string> MpmMembers = ["thumbnail_product_retailer_id", "sections"];
    private static readonly HashSet<string> FlowMembers = ["flow_token", "flow_action_data"];

    /// <summary>What each sub_type's parameter may be, and whether it must be given.</summary>
    private static readonly Dictionary<string, (string[] Types, bool Required)> ParameterBySubType = new(StringComparer.Ordinal)
    {
        ["quick_reply"] = (["payload"], true),
        ["url"] = (["text"], true),
        ["copy_code"] = (["coupon_code"], true),
        ["catalog"] = (["action"], true),
        ["mpm"] = (["action"], true),
        ["flow"] = (["action"], true),
        ["order_details"] = (["action"], true),
        // Product-card and call buttons: send shapes unconfirmed (§1.8), so a parameter is optional and any button type.
        ["spm"] = (["payload", "text", "action"], false),
        ["voice_call"] = (["payload", "text", "action"], false),
    };

    /// <summary>Counts the buttons of one scope (the template, or one carousel card) to check totals and unique indexes.</summary>
    public sealed class Tally(int maxButtons)
    {
        private readonly HashSet<int> _indexes = [];
        private readonly Dictionary<string, int> _bySubType = new(StringComparer.Ordinal);

        public int MaxButtons => maxButtons;

        internal void Count(string? subType, int? index, string path, ValidationErrors errors)
        {
            if (index is { } i && !_indexes.Add(i))
                errors.Add(JsonPath.Member(path, "index"), "unique", $"Another button component already fills index {i}.");
            if (subType is null) return;
            var count = _bySubType[subType] = _bySubType.GetValueOrDefault(subType) + 1;
            if (subType == "url" && count > MaxUrlButtons)
                errors.Add(path, "maxItems", $"A template has at most {MaxUrlButtons} URL buttons.");
            else if (SingleButtonSubTypes.Contains(subType) && count > 1)
                errors.Add(path, "maxItems", $"A template has at most one '{subType}' button.");
            if (_bySubType.Values.Sum() == maxButtons + 1)
                errors.Add(path, "maxItems", $"At most {maxButtons} button components are allowed here.");
        }
    }

    public static void Validate(JsonObject button, string path, ValidationErrors errors, Tally tally)
    {
        JsonRules.OnlyKnownMembers(button, path, errors, Members);
        var subType = JsonRules.String(button, "sub_type", path, errors, required: true, minLength: 1);
        if (subType is not null && !ParameterBySubType.ContainsKey(subType))
        {
            if (subType.Length > 0)
                errors.Add(JsonPath.Member(path, "sub_type"), "enum", $"'sub_type' must be one of: {string.Join(", ", ParameterBySubType.Keys)}.");
            subType = null;
        }
        var index = Index(button, path, errors, tally.MaxButtons);
        tally.Count(subType, index, path, errors);
        if (subType is null) return;

        var (types, required) = ParameterBySubType[subType];
        var parameters = JsonRules.Array(button, "parameters", path, errors, required, minCount: required ? 1 : 0, maxCount: 1);
        if (parameters is null) return;
        var textMax = subType == "url" ? MaxUrlLength : int.MaxValue;
        foreach (var (parameter, parameterPath) in JsonRules.Objects(parameters, JsonPath.Member(path, "parameters"), errors))
            TemplateParameterRules.Validate(parameter, parameterPath, errors, types, textMax, ActionRules(subType));
    }

    /// <summary><c>index</c> is the button's position in the approved template; Meta's examples write it as a number or a digit string.</summary>
    private static int? Index(JsonObject button, string path, ValidationErrors errors, int maxButtons)
    {
        var indexPath = JsonPath.Member(path, "index");
        if (!button.TryGetPropertyValue("index", out var node) || node is null)
        {
            errors.Add(indexPath, "required", "'index' is required.");
            return null;
        }
        int? index = node.GetValueKind() switch
        {
            JsonValueKind.Number when node.AsValue().TryGetValue<int>(out var n) => n,
            JsonValueKind.String when int.TryParse(node.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        if (index is null || index < 0 || index >= maxButtons)
        {
            errors.Add(indexPath, "range", $"'index' must be a whole number from 0 to {maxButtons - 1} (as a number or a string).");
            return null;
        }
        return index;
    }

    internal static Action<JsonObject, string, ValidationErrors>? ActionRules(string subType) => subType switch
    {
        "catalog" => (action, path, errors) =>
        {
            JsonRules.OnlyKnownMembers(action, path, errors, CatalogMembers);
            TokenRules.Read(action, "thumbnail_product_retailer_id", path, errors, ProductSections.MaxRetailerIdLength, required: false);
        },
        "mpm" => Mpm,
        "flow" => (action, path, errors) =>
        {
            JsonRules.OnlyKnownMembers(action, path, errors, FlowMembers);
            JsonRules.String(action, "flow_token", path, errors, required: false, minLength: 1);
            JsonRules.Object(action, "flow_action_data", path, errors, required: false);
        },
        // The order object of India checkout templates (§8.6) is unconfirmed for templates: only its presence is checked.
        "order_details" => (action, path, errors) => JsonRules.Object(action, "order_details", path, errors, required: true),
        _ => null,
    };

    /// <summary>Multi-product button: a thumbnail product and 1–10 titled sections holding at most 30 products in all.</summary>
    private static void Mpm(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, MpmMembers);
        TokenRules.Read(action, "thumbnail_product_retailer_id", path, errors, ProductSections.MaxRetailerIdLength);
        ProductSections.Validate(action, path, errors);
    }
}
