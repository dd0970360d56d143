using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Voice call button (§1.7.12): <c>action = { name: "voice_call", parameters?: { display_text ≤ 20,
/// ttl_minutes 1–43200, payload ≤ 512 } }</c>, every parameter optional.
/// </summary>
public sealed class VoiceCallRules : IInteractiveTypeRules
{
    public const int MaxDisplayTextLength = 20;
    public const int MaxTtlMinutes = 43_200;
    public const int MaxPayloadLength = 512;

    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers = ["display_text", "ttl_minutes", "payload"];

    public string Type => "voice_call";

    public InteractiveParts Parts => InteractiveParts.TextHeader;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "voice_call");
        if (JsonRules.Object(action, "parameters", path, errors, required: false) is not { } parameters) return;
        var parametersPath = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, parametersPath, errors, ParameterMembers);
        JsonRules.String(parameters, "display_text", parametersPath, errors, required: false, minLength: 1, maxLength: MaxDisplayTextLength);
        JsonRules.Integer(parameters, "ttl_minutes", parametersPath, errors, required: false, min: 1, max: MaxTtlMinutes);
        JsonRules.String(parameters, "payload", parametersPath, errors, required: false, minLength: 1, maxLength: MaxPayloadLength);
    }
}
