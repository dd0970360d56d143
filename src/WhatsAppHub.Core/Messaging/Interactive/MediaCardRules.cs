using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// The cards of a media carousel (§1.7.7), checked one after the other so each is compared with the first: a required
/// image or video header (the same kind on every card), an optional body (≤ 160 characters, ≤ 2 line breaks), and an
/// action that is either one URL button or quick-reply buttons (id ≤ 20, title ≤ 20), of the same kind and count on
/// every card.
/// </summary>
public sealed class MediaCardRules
{
    public const int MaxBodyLength = 160;
    public const int MaxBodyLineBreaks = 2;
    public const int MaxQuickReplyIdLength = 20;
    public const int MaxQuickReplyTitleLength = 20;

    private static readonly HashSet<string> CardMembers = ["card_index", "type", "header", "body", "action"];
    private static readonly HashSet<string> ButtonsActionMembers = ["buttons"];
    private static readonly HashSet<string> ButtonMembers = ["type", "quick_reply"];
    private static readonly HashSet<string> QuickReplyMembers = ["id", "title"];

    private readonly CtaUrlRules _ctaUrl = new();
    private HeaderKinds _firstHeader;
    private string? _firstButtons;

    public void Validate(JsonObject card, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(card, path, errors, CardMembers);
        if (JsonRules.Object(card, "header", path, errors, required: true) is { } header)
        {
            var headerPath = JsonPath.Member(path, "header");
            var kind = HeaderRules.Validate(header, headerPath, errors, HeaderKinds.Image | HeaderKinds.Video);
            if (kind != HeaderKinds.None && _firstHeader == HeaderKinds.None) _firstHeader = kind;
            else if (kind != HeaderKinds.None && kind != _firstHeader)
                errors.Add(JsonPath.Member(headerPath, "type"), "consistent", "Every card of a carousel must have the same header type as the first.");
        }

        var body = TextPartRules.Validate(card, "body", path, errors, required: false, MaxBodyLength);
        if (body is not null && InteractiveText.LineBreaks(body) > MaxBodyLineBreaks)
            errors.Add(JsonPath.Member(JsonPath.Member(path, "body"), "text"), "maxLineBreaks", $"A card's body may hold at most {MaxBodyLineBreaks} line breaks.");

        if (JsonRules.Object(card, "action", path, errors, required: true) is not { } action) return;
        var actionPath = JsonPath.Member(path, "action");
        var buttons = action.ContainsKey("buttons") ? ValidateQuickReplies(action, actionPath, errors) : ValidateUrlButton(action, actionPath, errors);
        if (buttons is null) return;
        _firstButtons ??= buttons;
        if (buttons != _firstButtons)
            errors.Add(actionPath, "consistent", $"Every card of a carousel must have the same buttons (kind and count) as the first ({_firstButtons}).");
    }

    private string ValidateUrlButton(JsonObject action, string path, ValidationErrors errors)
    {
        _ctaUrl.ValidateAction(action, path, errors);
        return "one URL button";
    }

    private static string? ValidateQuickReplies(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ButtonsActionMembers);
        var buttons = JsonRules.Array(action, "buttons", path, errors, required: true, minCount: 1);
        if (buttons is null) return null;
        var ids = new DistinctValues("quick reply id on a card");
        foreach (var (button, buttonPath) in JsonRules.Objects(buttons, JsonPath.Member(path, "buttons"), errors))
        {
            JsonRules.OnlyKnownMembers(button, buttonPath, errors, ButtonMembers);
            var type = JsonRules.String(button, "type", buttonPath, errors, required: true, minLength: 1);
            if (type is { Length: > 0 } and not "quick_reply")
                errors.Add(JsonPath.Member(buttonPath, "type"), "enum", "A card button's 'type' must be \"quick_reply\" (or give a URL button as name \"cta_url\").");
            if (JsonRules.Object(button, "quick_reply", buttonPath, errors, required: true) is not { } reply) continue;
            var replyPath = JsonPath.Member(buttonPath, "quick_reply");
            JsonRules.OnlyKnownMembers(reply, replyPath, errors, QuickReplyMembers);
            ids.Check(JsonRules.String(reply, "id", replyPath, errors, required: true, minLength: 1, maxLength: MaxQuickReplyIdLength),
                JsonPath.Member(replyPath, "id"), errors);
            JsonRules.String(reply, "title", replyPath, errors, required: true, minLength: 1, maxLength: MaxQuickReplyTitleLength);
        }
        return $"{buttons.Count} quick reply button{(buttons.Count == 1 ? "" : "s")}";
    }
}
