using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Call permission request (§1.7.11): only the body is the business's own; <c>action = { name: "call_permission_request" }</c>.</summary>
public sealed class CallPermissionRequestRules : IInteractiveTypeRules
{
    private static readonly HashSet<string> ActionMembers = ["name"];

    public string Type => "call_permission_request";

    public InteractiveParts Parts => InteractiveParts.BodyOnly;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "call_permission_request");
    }
}
