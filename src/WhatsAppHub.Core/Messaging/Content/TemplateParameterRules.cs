using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// One parameter value object of a template send (§1.8): <c>{ "type": T, T: value }</c>. Which types a place accepts,
/// and how long a text value may be there, is decided by the component that holds it.
/// </summary>
public static partial class TemplateParameterRules
{
    /// <summary>Copy-code button value (§1.8, §3.8).</summary>
    public const int MaxCouponCodeLength = 15;

    /// <summary>Checks one parameter and returns its type when it is one of <paramref name="allowed"/>.</summary>
    /// <param name="textMax">Longest <c>text</c> value this place allows (the component's own limit).</param>
    /// <param name="action">Checks an <c>action</c> value; actions differ by button sub_type.</param>
    public static string? Validate(JsonObject parameter, string path, ValidationErrors errors, IReadOnlyCollection<string> allowed,
        int textMax, Action<JsonObject, string, ValidationErrors>? action = null)
    {
        var type = JsonRules.String(parameter, "type", path, errors, required: true, minLength: 1);
        if (type is null || type.Length == 0) return null;
        if (!allowed.Contains(type))
        {
            errors.Add(JsonPath.Member(path, "type"), "enum", $"A parameter here must have 'type' one of: {string.Join(", ", allowed)}.");
            return null;
        }
        var members = new HashSet<string>(StringComparer.Ordinal) { "type", type };
        if (type == "text") members.Add("parameter_name");
        JsonRules.OnlyKnownMembers(parameter, path, errors, members);

        var valuePath = JsonPath.Member(path, type);
        switch (type)
        {
            case "text":
                JsonRules.String(parameter, "text", path, errors, required: true, minLength: 1, maxLength: textMax);
                var name = JsonRules.String(parameter, "parameter_name", path, errors, required: false, minLength: 1);
                if (name is { Length: > 0 } && !NamedParameter().IsMatch(name))
                    errors.Add(JsonPath.Member(path, "parameter_name"), "pattern", "'parameter_name' must be lowercase letters, digits and underscores.");
                break;
            case "payload":
                JsonRules.String(parameter, "payload", path, errors, required: true, minLength: 1);
                break;
            case "coupon_code":
                JsonRules.String(parameter, "coupon_code", path, errors, required: true, minLength: 1, maxLength: MaxCouponCodeLength);
                break;
            case "image" or "video":
                if (JsonRules.Object(parameter, type, path, errors, required: true) is { } media) MediaObjectRules.Validate(media, valuePath, errors, MediaExtras.None);
                break;
            case "document":
                if (JsonRules.Object(parameter, type, path, errors, required: true) is { } document) MediaObjectRules.Validate(document, valuePath, errors, MediaExtras.Filename);
                break;
            case "location":
                if (JsonRules.Object(parameter, type, path, errors, required: true) is { } location) LocationContentRules.Instance.Validate(location, valuePath, errors);
                break;
            case "tap_target_configuration":
                TapTargets(parameter, path, errors);
                break;
            default:
                if (JsonRules.Object(parameter, type, path, errors, required: true) is { } value) ObjectValue(type, value, valuePath, errors, action);
                break;
        }
        return type;
    }

    private static void ObjectValue(string type, JsonObject value, string path, ValidationErrors errors, Action<JsonObject, string, ValidationErrors>? action)
    {
        switch (type)
        {
            case "currency":
                JsonRules.OnlyKnownMembers(value, path, errors, CurrencyMembers);
                JsonRules.String(value, "fallback_value", path, errors, required: true, minLength: 1);
                var code = JsonRules.String(value, "code", path, errors, required: true);
                if (code is not null && !CurrencyCode().IsMatch(code))
                    errors.Add(JsonPath.Member(path, "code"), "pattern", "'code' must be an ISO 4217 currency code such as GBP.");
                JsonRules.Integer(value, "amount_1000", path, errors, required: true);
                break;
            case "date_time":
                JsonRules.OnlyKnownMembers(value, path, errors, DateTimeMembers);
                JsonRules.String(value, "fallback_value", path, errors, required: true, minLength: 1);
                break;
            case "limited_time_offer":
                JsonRules.OnlyKnownMembers(value, path, errors, OfferMembers);
                JsonRules.Integer(value, "expiration_time_ms", path, errors, required: true, min: 1);
                break;
            case "product":
                JsonRules.OnlyKnownMembers(value, path, errors, ProductMembers);
                TokenRules.Read(value, "product_retailer_id", path, errors, ProductSections.MaxRetailerIdLength);
                TokenRules.Read(value, "catalog_id", path, errors, ProductSections.MaxRetailerIdLength);
                break;
            case "action":
                action?.Invoke(value, path, errors);
                break;
        }
    }

    /// <summary>Tap-target title override (§3.14): one <c>{ url, title }</c> entry; inner names per the reference, unconfirmed by Meta.</summary>
    private static void TapTargets(JsonObject parameter, string path, ValidationErrors errors)
    {
        var list = JsonRules.Array(parameter, "tap_target_configuration", path, errors, required: true, minCount: 1, maxCount: 1);
        if (list is null) return;
        foreach (var (target, targetPath) in JsonRules.Objects(list, JsonPath.Member(path, "tap_target_configuration"), errors))
        {
            JsonRules.OnlyKnownMembers(target, targetPath, errors, TapTargetMembers);
            UrlRules.Https(target, "url", targetPath, errors, TemplateButtonRules.MaxUrlLength);
            JsonRules.String(target, "title", targetPath, errors, required: true, minLength: 1, maxLength: TemplateButtonRules.MaxButtonLabelLength);
        }
    }

    private static readonly HashSet<string> CurrencyMembers = ["fallback_value", "code", "amount_1000"];
    private static readonly HashSet<string> DateTimeMembers = ["fallback_value"];
    private static readonly HashSet<string> OfferMembers = ["expiration_time_ms"];
    private static readonly HashSet<string> ProductMembers = ["product_retailer_id", "catalog_id"];
    private static readonly HashSet<string> TapTargetMembers = ["url", "title"];

    [GeneratedRegex("^[a-z0-9_]+\\z")]
    private static partial Regex NamedParameter();

    [GeneratedRegex("^[A-Z]{3}\\z")]
    private static partial Regex CurrencyCode();
}
