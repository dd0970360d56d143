using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Reply buttons (§1.7.1): 1–3 buttons <c>{ type: "reply", reply: { id ≤ 256, title ≤ 20 } }</c>; ids and titles
/// unique in the message, ids without surrounding spaces. Any header kind.
/// </summary>
public sealed class ReplyButtonRules : IInteractiveTypeRules
{
    public const int MaxButtons = 3;
    public const int MaxIdLength = 256;
    public const int MaxTitleLength = 20;

    private static readonly HashSet<string> ActionMembers = ["buttons"];
    private static readonly HashSet<string> ButtonMembers = ["type", "reply"];
    private static readonly HashSet<string> ReplyMembers = ["id", "title"];

    public string Type => "button";

    public InteractiveParts Parts => InteractiveParts.MediaHeader;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        var buttons = JsonRules.Array(action, "buttons", path, errors, required: true, minCount: 1, maxCount: MaxButtons);
        if (buttons is null) return;
        var ids = new DistinctValues("button id");
        var titles = new DistinctValues("button title");
        foreach (var (button, buttonPath) in JsonRules.Objects(buttons, JsonPath.Member(path, "buttons"), errors))
        {
            JsonRules.OnlyKnownMembers(button, buttonPath, errors, ButtonMembers);
            var type = JsonRules.String(button, "type", buttonPath, errors, required: true, minLength: 1);
            if (type is { Length: > 0 } and not "reply")
                errors.Add(JsonPath.Member(buttonPath, "type"), "enum", "A button's 'type' must be \"reply\".");
            if (JsonRules.Object(button, "reply", buttonPath, errors, required: true) is not { } reply) continue;
            var replyPath = JsonPath.Member(buttonPath, "reply");
            JsonRules.OnlyKnownMembers(reply, replyPath, errors, ReplyMembers);

            var id = JsonRules.String(reply, "id", replyPath, errors, required: true, minLength: 1, maxLength: MaxIdLength);
            if (id is not null && InteractiveText.HasSurroundingSpace(id))
                errors.Add(JsonPath.Member(replyPath, "id"), "pattern", "A button 'id' must not start or end with a space.");
            ids.Check(id, JsonPath.Member(replyPath, "id"), errors);

            var title = JsonRules.String(reply, "title", replyPath, errors, required: true, minLength: 1, maxLength: MaxTitleLength);
            if (title is not null && title.Trim().Length == 0 && title.Length > 0)
                errors.Add(JsonPath.Member(replyPath, "title"), "required", "A button 'title' must not be blank.");
            titles.Check(title, JsonPath.Member(replyPath, "title"), errors);
        }
    }
}
