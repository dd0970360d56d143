using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// The rules of one Cloud API message type (the object under the member named like the type,
/// e.g. <c>text</c>). One implementation per type keeps each type's Meta limits in one place.
/// </summary>
public interface IMessageContentRules
{
    /// <summary>The value of <c>type</c> and the name of the member that carries the content.</summary>
    string Type { get; }

    void Validate(JsonObject content, string path, ValidationErrors errors);
}
