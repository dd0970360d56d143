using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>Cloud API text message: <c>text.body</c> 1–4096 characters, optional <c>text.preview_url</c>.</summary>
public sealed class TextContentRules : IMessageContentRules
{
    public const int MaxBodyLength = 4096;

    private static readonly HashSet<string> Members = ["body", "preview_url"];

    public string Type => "text";

    public void Validate(JsonObject content, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(content, path, errors, Members);
        JsonRules.String(content, "body", path, errors, required: true, minLength: 1, maxLength: MaxBodyLength);
        JsonRules.Boolean(content, "preview_url", path, errors);
    }
}
