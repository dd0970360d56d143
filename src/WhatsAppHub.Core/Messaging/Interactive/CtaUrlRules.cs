using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Call-to-action URL (§1.7.3): <c>action = { name: "cta_url", parameters: { display_text ≤ 20, url } }</c>.
/// Any header kind. Carousel cards use the same action.
/// </summary>
public sealed class CtaUrlRules : IInteractiveTypeRules
{
    public const int MaxDisplayTextLength = 20;

    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers = ["display_text", "url"];

    public string Type => "cta_url";

    public InteractiveParts Parts => InteractiveParts.MediaHeader;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "cta_url");
        if (JsonRules.Object(action, "parameters", path, errors, required: true) is not { } parameters) return;
        var parametersPath = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, parametersPath, errors, ParameterMembers);
        JsonRules.String(parameters, "display_text", parametersPath, errors, required: true, minLength: 1, maxLength: MaxDisplayTextLength);
        ActionRules.Url(parameters, "url", parametersPath, errors);
    }
}
