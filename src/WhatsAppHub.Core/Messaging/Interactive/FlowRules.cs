using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Flow (§1.7.10): <c>action = { name: "flow", parameters }</c> with <c>flow_message_version</c> "3", exactly one of
/// <c>flow_id</c> / <c>flow_name</c>, a <c>flow_cta</c> label (≤ 20, no emoji), an optional <c>flow_token</c>
/// (≤ 200), <c>flow_action</c> navigate (default, needs <c>flow_action_payload.screen</c>) or data_exchange (no
/// payload), and <c>mode</c> published or draft.
/// </summary>
public sealed class FlowRules : IInteractiveTypeRules
{
    public const string MessageVersion = "3";
    public const int MaxCtaLength = 20;
    public const int MaxTokenLength = 200;

    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers =
        ["flow_message_version", "flow_token", "flow_id", "flow_name", "flow_cta", "flow_action", "flow_action_payload", "mode"];
    private static readonly HashSet<string> PayloadMembers = ["screen", "data"];

    public string Type => "flow";

    public InteractiveParts Parts => InteractiveParts.TextHeader;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "flow");
        if (JsonRules.Object(action, "parameters", path, errors, required: true) is not { } parameters) return;
        var p = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, p, errors, ParameterMembers);

        var version = JsonRules.String(parameters, "flow_message_version", p, errors, required: true, minLength: 1);
        if (version is { Length: > 0 } and not MessageVersion)
            errors.Add(JsonPath.Member(p, "flow_message_version"), "enum", $"'flow_message_version' must be \"{MessageVersion}\".");

        if (parameters.ContainsKey("flow_id") == parameters.ContainsKey("flow_name"))
            errors.Add(p, "oneOf", "Give exactly one of 'flow_id' and 'flow_name'.");
        JsonRules.String(parameters, "flow_id", p, errors, required: false, minLength: 1);
        JsonRules.String(parameters, "flow_name", p, errors, required: false, minLength: 1);

        var cta = JsonRules.String(parameters, "flow_cta", p, errors, required: true, minLength: 1, maxLength: MaxCtaLength);
        if (cta is not null && InteractiveText.HasEmoji(cta))
            errors.Add(JsonPath.Member(p, "flow_cta"), "noEmoji", "'flow_cta' must not contain emoji.");
        JsonRules.String(parameters, "flow_token", p, errors, required: false, minLength: 1, maxLength: MaxTokenLength);

        var mode = JsonRules.String(parameters, "mode", p, errors, required: false);
        if (mode is not null and not ("published" or "draft"))
            errors.Add(JsonPath.Member(p, "mode"), "enum", "'mode' must be \"published\" or \"draft\".");

        var flowAction = JsonRules.String(parameters, "flow_action", p, errors, required: false) ?? "navigate";
        if (flowAction == "data_exchange")
        {
            if (parameters.ContainsKey("flow_action_payload"))
                errors.Add(JsonPath.Member(p, "flow_action_payload"), "notAllowed", "'flow_action_payload' must be left out when 'flow_action' is \"data_exchange\".");
        }
        else if (flowAction != "navigate")
            errors.Add(JsonPath.Member(p, "flow_action"), "enum", "'flow_action' must be \"navigate\" or \"data_exchange\".");
        else if (JsonRules.Object(parameters, "flow_action_payload", p, errors, required: true) is { } payload)
            ValidatePayload(payload, JsonPath.Member(p, "flow_action_payload"), errors);
    }

    private static void ValidatePayload(JsonObject payload, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(payload, path, errors, PayloadMembers);
        JsonRules.String(payload, "screen", path, errors, required: true, minLength: 1);
        if (JsonRules.Object(payload, "data", path, errors, required: false) is { Count: 0 })
            errors.Add(JsonPath.Member(path, "data"), "minItems", "'data' must not be empty when given.");
    }
}
