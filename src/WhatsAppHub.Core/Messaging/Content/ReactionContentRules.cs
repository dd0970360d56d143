using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// Reaction (§1.6): <c>message_id</c> is the wamid reacted to; <c>emoji</c> is one emoji, or empty to remove the
/// reaction sent earlier.
/// </summary>
public sealed class ReactionContentRules : IMessageContentRules
{
    private static readonly HashSet<string> Members = ["message_id", "emoji"];

    public string Type => "reaction";

    public void Validate(JsonObject content, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(content, path, errors, Members);
        TokenRules.Read(content, "message_id", path, errors, TokenRules.MaxWamidLength);
        var emoji = JsonRules.String(content, "emoji", path, errors, required: true);
        if (emoji is { Length: > 0 } && !IsOneEmoji(emoji))
            errors.Add(JsonPath.Member(path, "emoji"), "emoji", "'emoji' must be one emoji, or \"\" to remove the reaction.");
    }

    /// <summary>
    /// One grapheme cluster (so flags, skin tones and family sequences count as one) that is not plain text: WhatsApp
    /// shows a reaction as a single emoji.
    /// </summary>
    private static bool IsOneEmoji(string value) =>
        new StringInfo(value).LengthInTextElements == 1
        && value.EnumerateRunes().All(r => !Rune.IsWhiteSpace(r) && !Rune.IsControl(r))
        && !value.All(char.IsAscii);
}
