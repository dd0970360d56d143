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

    /// <summary>
    /// Checks the member named by <see cref="Type"/> in the message body. Its content is an object for every type but
    /// <c>contacts</c> (an array of cards), which replaces this.
    /// </summary>
    void ValidateMember(JsonObject body, string bodyPath, ValidationErrors errors)
    {
        var content = JsonRules.Object(body, Type, bodyPath, errors, required: true);
        if (content is not null) Validate(content, JsonPath.Member(bodyPath, Type), errors);
    }
}
