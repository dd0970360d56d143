using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Cloud API interactive messages (§1.7): checks <c>header</c>, <c>body</c> and <c>footer</c> against what
/// <c>interactive.type</c> allows, then hands <c>action</c> to that type's rules.
/// </summary>
public sealed class InteractiveContentRules : IMessageContentRules
{
    private static readonly HashSet<string> Members = ["type", "header", "body", "footer", "action"];

    private readonly Dictionary<string, IInteractiveTypeRules> _rulesByType;

    public InteractiveContentRules() : this(
    [
        new ReplyButtonRules(), new ListRules(), new CtaUrlRules(), new ProductRules(), new ProductListRules(),
        new CatalogMessageRules(), new CarouselRules(), new LocationRequestRules(), new AddressMessageRules(),
        new FlowRules(), new CallPermissionRequestRules(), new VoiceCallRules(), new OrderDetailsRules(), new OrderStatusRules(),
    ])
    {
    }

    public InteractiveContentRules(IEnumerable<IInteractiveTypeRules> rules) =>
        _rulesByType = rules.ToDictionary(r => r.Type, StringComparer.Ordinal);

    public string Type => "interactive";

    public IEnumerable<string> SupportedTypes => _rulesByType.Keys.Order(StringComparer.Ordinal);

    public void Validate(JsonObject content, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(content, path, errors, Members);
        var type = JsonRules.String(content, "type", path, errors, required: true, minLength: 1);
        if (type is null || type.Length == 0) return;
        if (!_rulesByType.TryGetValue(type, out var rules))
        {
            errors.Add(JsonPath.Member(path, "type"), "enum", $"'interactive.type' must be one of: {string.Join(", ", SupportedTypes)}.");
            return;
        }

        var parts = rules.Parts;
        if (Allowed(content, "header", parts.Header, type, path, errors)
            && JsonRules.Object(content, "header", path, errors, parts.Header == Presence.Required) is { } header)
            HeaderRules.Validate(header, JsonPath.Member(path, "header"), errors, parts.HeaderKinds);
        if (Allowed(content, "body", parts.Body, type, path, errors))
            TextPartRules.Validate(content, "body", path, errors, parts.Body == Presence.Required, TextPartRules.MaxBodyLength);
        if (Allowed(content, "footer", parts.Footer, type, path, errors))
            TextPartRules.Validate(content, "footer", path, errors, parts.Footer == Presence.Required, TextPartRules.MaxFooterLength);

        if (JsonRules.Object(content, "action", path, errors, required: true) is { } action)
            rules.ValidateAction(action, JsonPath.Member(path, "action"), errors);
    }

    /// <summary>
    /// A typed route (<c>/api/messages/interactive/list</c>) implies <c>interactive.type</c>: fill it in when it is
    /// left out, and refuse a different one.
    /// </summary>
    public static void ApplyRoute(JsonObject body, string interactiveType, ValidationErrors errors)
    {
        if (body["interactive"] is not JsonObject interactive) return;
        if (interactive["type"] is null) interactive["type"] = interactiveType;
        else if (interactive["type"] is JsonValue v && v.TryGetValue<string>(out var given) && given != interactiveType)
            errors.Add("$.interactive.type", "enum", $"This route sends '{interactiveType}' messages; 'interactive.type' must be \"{interactiveType}\" or left out.");
    }

    private static bool Allowed(JsonObject content, string part, Presence presence, string type, string path, ValidationErrors errors)
    {
        if (presence != Presence.Forbidden) return true;
        if (content.ContainsKey(part))
            errors.Add(JsonPath.Member(path, part), "notAllowed", $"'{type}' messages take no {part}.");
        return false;
    }
}
