using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// The rules of one interactive type (<c>interactive.type</c>): which of header, body and footer it takes, and
/// what its <c>action</c> holds. <see cref="InteractiveContentRules"/> checks the parts; the type checks its action.
/// </summary>
public interface IInteractiveTypeRules
{
    /// <summary>The value of <c>interactive.type</c>.</summary>
    string Type { get; }

    InteractiveParts Parts { get; }

    void ValidateAction(JsonObject action, string path, ValidationErrors errors);
}
