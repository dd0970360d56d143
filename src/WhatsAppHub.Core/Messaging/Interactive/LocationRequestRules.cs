using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Location request (§1.7.8): body only; <c>action = { name: "send_location" }</c>.</summary>
public sealed class LocationRequestRules : IInteractiveTypeRules
{
    private static readonly HashSet<string> ActionMembers = ["name"];

    public string Type => "location_request_message";

    public InteractiveParts Parts => InteractiveParts.BodyOnly;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "send_location");
    }
}
