using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// The optional envelope members every message type may carry (§1.1): <c>context.message_id</c> makes the message a
/// reply to an earlier wamid; <c>biz_opaque_callback_data</c> is echoed back in the message's status webhooks.
/// </summary>
public static class EnvelopeRules
{
    /// <summary>Meta states 512 for the Calling API's field of the same name; for messages it states none, so the hub uses 512 too.</summary>
    public const int MaxCallbackDataLength = 512;

    public static IReadOnlyList<string> Members { get; } = ["context", "biz_opaque_callback_data"];

    private static readonly HashSet<string> ContextMembers = ["message_id"];

    public static void Validate(JsonObject body, string path, ValidationErrors errors)
    {
        var context = JsonRules.Object(body, "context", path, errors, required: false);
        if (context is not null)
        {
            var contextPath = JsonPath.Member(path, "context");
            JsonRules.OnlyKnownMembers(context, contextPath, errors, ContextMembers);
            TokenRules.Read(context, "message_id", contextPath, errors, TokenRules.MaxWamidLength);
        }
        JsonRules.String(body, "biz_opaque_callback_data", path, errors, required: false, minLength: 1, maxLength: MaxCallbackDataLength);
    }

    /// <summary>Copies the envelope members the caller gave into the Cloud API message.</summary>
    public static void CopyTo(JsonObject body, JsonObject cloudApi)
    {
        foreach (var member in Members)
        {
            if (body[member] is { } value) cloudApi[member] = value.DeepClone();
        }
    }
}
