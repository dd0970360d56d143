using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// The <c>BUTTONS</c> component of a template definition (§3.5): at most 10 buttons, per-kind maximums, quick replies
/// kept together, and each kind's fields. Returns the kinds in order so callers can check variants (limited-time
/// offer, carousel cards, multi-product).
/// </summary>
public static partial class TemplateButtonsRules
{
    public const int MaxButtons = 10;
    public const int MaxLabelLength = 25;
    public const int MaxUrlLength = 2000;
    public const int MaxPhoneLength = 20;
    /// <summary>§3.5, §3.8: a coupon code (the copy-code button's example) is at most 15 characters.</summary>
    public const int MaxCouponCodeLength = 15;
    /// <summary>Hub bound for a Flow id, name or screen: Meta states none.</summary>
    public const int MaxFlowFieldLength = 200;

    public const string QuickReply = "QUICK_REPLY";
    public const string Url = "URL";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string CopyCode = "COPY_CODE";
    public const string Otp = "OTP";
    public const string Mpm = "MPM";
    public const string Spm = "SPM";
    public const string Catalog = "CATALOG";
    public const string Flow = "FLOW";
    public const string OrderDetails = "ORDER_DETAILS";
    public const string VoiceCall = "VOICE_CALL";

    public static IReadOnlyList<string> Kinds { get; } = [QuickReply, Url, PhoneNumber, CopyCode, Otp, Mpm, Spm, Catalog, Flow, OrderDetails, VoiceCall];
    public static IReadOnlySet<string> LimitedTimeOfferKinds { get; } = new HashSet<string> { CopyCode, Url };

    /// <summary>§3.5 "Max per template"; kinds not listed (SPM, ORDER_DETAILS, VOICE_CALL) have no stated maximum.</summary>
    public static IReadOnlyDictionary<string, int> MaxPerKind { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [QuickReply] = 10, [Url] = 2, [PhoneNumber] = 1, [CopyCode] = 1, [Otp] = 1, [Mpm] = 1, [Catalog] = 1, [Flow] = 1,
    };

    private static readonly HashSet<string> ComponentMembers = ["type", "buttons"];
    private static readonly Dictionary<string, HashSet<string>> MembersByKind = new(StringComparer.Ordinal)
    {
        [QuickReply] = ["type", "text"],
        [Url] = ["type", "text", "url", "example"],
        [PhoneNumber] = ["type", "text", "phone_number"],
        [CopyCode] = ["type", "example"],
        [Mpm] = ["type", "text"],
        [Spm] = ["type", "text"],
        [Catalog] = ["type", "text"],
        [Flow] = ["type", "text", "flow_id", "flow_name", "flow_json", "flow_action", "navigate_screen"],
        // ORDER_DETAILS and VOICE_CALL fields are unconfirmed (§3.5): their members are left to Meta.
    };

    /// <summary>Checks the component; <paramref name="allowedKinds"/> narrows the kinds (null: all of <see cref="Kinds"/>).</summary>
    public static IReadOnlyList<string> Validate(JsonObject component, string path, ValidationErrors errors, DefinitionContext context,
        IReadOnlySet<string>? allowedKinds, int maxButtons = MaxButtons)
    {
        JsonRules.OnlyKnownMembers(component, path, errors, ComponentMembers);
        var buttons = JsonRules.Array(component, "buttons", path, errors, required: true, minCount: 1, maxCount: maxButtons);
        var kinds = new List<string>();
        if (buttons is null) return kinds;
        var buttonsPath = JsonPath.Member(path, "buttons");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (button, buttonPath) in JsonRules.Objects(buttons, buttonsPath, errors))
        {
            var kind = Kind(button, buttonPath, errors, context, allowedKinds);
            if (kind is null) continue;
            kinds.Add(kind);
            order.Add(kind);
            var count = counts[kind] = counts.GetValueOrDefault(kind) + 1;
            // Past the total, a per-kind count would repeat the same fix.
            if (MaxPerKind.TryGetValue(kind, out var max) && count == max + 1 && buttons.Count <= maxButtons)
                errors.Add(buttonPath, "maxItems", $"A template has at most {max} {kind} button{(max == 1 ? "" : "s")}.");
            Button(kind, button, buttonPath, errors);
        }
        if (!QuickRepliesTogether(order))
            errors.Add(buttonsPath, "grouping", "Quick reply buttons must sit together, before or after the other buttons.");
        return kinds;
    }

    private static string? Kind(JsonObject button, string path, ValidationErrors errors, DefinitionContext context, IReadOnlySet<string>? allowedKinds)
    {
        var kind = TemplateComponentsRules.ReadType(button, path, errors, Kinds);
        if (kind is null) return null;
        var typePath = JsonPath.Member(path, "type");
        if (allowedKinds is not null && !allowedKinds.Contains(kind))
        {
            errors.Add(typePath, "buttonKind", $"Here buttons may only be {string.Join(", ", allowedKinds)}.");
            return null;
        }
        // §3.3, §3.7: authentication templates carry exactly an OTP button, and only they do.
        if (context.IsAuthentication && kind != Otp)
            errors.Add(typePath, "category", $"AUTHENTICATION templates have only an OTP button, not {kind}.");
        else if (kind == Otp && context.Category is { } category && !context.IsAuthentication)
            errors.Add(typePath, "category", $"OTP buttons are for AUTHENTICATION templates, not {category}.");
        else if (kind == Mpm && context.Category is { } mpmCategory && !context.IsMarketing)
            errors.Add(typePath, "category", $"Multi-product buttons are for MARKETING templates, not {mpmCategory}.");
        return kind;
    }

    private static void Button(string kind, JsonObject button, string path, ValidationErrors errors)
    {
        if (MembersByKind.TryGetValue(kind, out var members)) JsonRules.OnlyKnownMembers(button, path, errors, members);
        switch (kind)
        {
            case QuickReply:
                JsonRules.String(button, "text", path, errors, required: true, minLength: 1, maxLength: MaxLabelLength);
                break;
            case Url:
                JsonRules.String(button, "text", path, errors, required: true, minLength: 1, maxLength: MaxLabelLength);
                UrlButton(button, path, errors);
                break;
            case PhoneNumber:
                JsonRules.String(button, "text", path, errors, required: true, minLength: 1, maxLength: MaxLabelLength);
                var phone = JsonRules.String(button, "phone_number", path, errors, required: true, minLength: 1, maxLength: MaxPhoneLength);
                if (phone is { Length: > 0 and <= MaxPhoneLength } && !Phone().IsMatch(phone))
                    errors.Add(JsonPath.Member(path, "phone_number"), "phoneNumber", "'phone_number' must be digits with the country code, optionally after '+'.");
                break;
            case CopyCode:
                JsonRules.String(button, "example", path, errors, required: true, minLength: 1, maxLength: MaxCouponCodeLength);
                break;
            case Otp:
                OtpButtonRules.Validate(button, path, errors);
                break;
            case Flow:
                FlowButton(button, path, errors);
                break;
            default:
                // MPM, SPM, CATALOG show a fixed label ("View items", "View", "View catalog"); ORDER_DETAILS, VOICE_CALL are unconfirmed.
                JsonRules.String(button, "text", path, errors, required: false, minLength: 1, maxLength: MaxLabelLength);
                break;
        }
    }

    /// <summary>§3.5: an absolute URL of at most 2000 characters with at most one variable, <c>{{1}}</c>, at its end, and then an example.</summary>
    private static void UrlButton(JsonObject button, string path, ValidationErrors errors)
    {
        var url = JsonRules.String(button, "url", path, errors, required: true, minLength: 1, maxLength: MaxUrlLength);
        var urlPath = JsonPath.Member(path, "url");
        var variables = url is null ? 0 : TemplateVariables.Names(url).Count;
        if (url is { Length: > 0 } && JsonRules.CodePointLength(url) <= MaxUrlLength)
        {
            var fixedPart = url.EndsWith("{{1}}", StringComparison.Ordinal) ? url[..^"{{1}}".Length] : url;
            if (variables > 1 || fixedPart.Contains("{{", StringComparison.Ordinal) || fixedPart.Contains("}}", StringComparison.Ordinal))
                errors.Add(urlPath, "urlVariable", "A button URL may end with one variable, {{1}}, and hold no other.");
            else if (!Uri.TryCreate(fixedPart, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                     || string.IsNullOrEmpty(uri.Host) || url.Any(char.IsWhiteSpace))
                errors.Add(urlPath, "url", "'url' must be an absolute http or https URL.");
        }
        var examplePath = JsonPath.Member(path, "example");
        if (!button.ContainsKey("example"))
        {
            if (variables > 0) errors.Add(examplePath, "required", "A URL with a variable needs an example of the full URL.");
            return;
        }
        var example = JsonRules.Array(button, "example", path, errors, required: false);
        if (example is null) return;
        if (variables == 0)
            errors.Add(examplePath, "exampleUnused", "The URL has no variable, so it takes no example.");
        else if (example.Count != 1 || example[0] is not JsonValue value || value.GetValueKind() != JsonValueKind.String
                 || value.GetValue<string>() is not { Length: > 0 and <= MaxUrlLength })
            errors.Add(examplePath, "exampleCount", $"'example' must hold one full URL of up to {MaxUrlLength} characters.");
    }

    /// <summary>§3.5 (fields 3p): a label and exactly one of <c>flow_id</c>, <c>flow_name</c>, <c>flow_json</c>.</summary>
    private static void FlowButton(JsonObject button, string path, ValidationErrors errors)
    {
        JsonRules.String(button, "text", path, errors, required: true, minLength: 1, maxLength: MaxLabelLength);
        var given = 0;
        foreach (var name in (string[])["flow_id", "flow_name", "flow_json"])
        {
            if (!button.ContainsKey(name)) continue;
            given++;
            JsonRules.String(button, name, path, errors, required: true, minLength: 1, maxLength: name == "flow_json" ? int.MaxValue : MaxFlowFieldLength);
        }
        if (given != 1)
            errors.Add(path, "oneOf", "A FLOW button names its Flow by exactly one of 'flow_id', 'flow_name' or 'flow_json'.");
        JsonRules.String(button, "flow_action", path, errors, required: false, minLength: 1, maxLength: MaxFlowFieldLength);
        JsonRules.String(button, "navigate_screen", path, errors, required: false, minLength: 1, maxLength: MaxFlowFieldLength);
    }

    /// <summary>§3.5: QR,QR,URL and URL,QR,QR are fine; QR,URL,QR is not.</summary>
    private static bool QuickRepliesTogether(List<string> order)
    {
        var first = order.IndexOf(QuickReply);
        if (first < 0) return true;
        var last = order.LastIndexOf(QuickReply);
        return order.Skip(first).Take(last - first + 1).All(k => k == QuickReply);
    }

    [GeneratedRegex("^\\+?[0-9]{5,20}\\z")]
    private static partial Regex Phone();
}
