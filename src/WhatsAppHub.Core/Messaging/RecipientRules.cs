using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// Rules for <c>recipient_type</c> and <c>to</c> (§1.1, §8.2): an individual is a phone number, which Meta accepts with
/// <c>+</c>, <c>-</c>, <c>(</c>, <c>)</c> and spaces (an E.164 number has at most 15 digits); a group is a group id.
/// </summary>
public static class RecipientRules
{
    public const int MinDigits = 5;
    public const int MaxDigits = 15;
    public const string Individual = "individual";
    public const string Group = "group";
    /// <summary>Hub limit for a group id: Meta's are opaque base64-like strings well under this.</summary>
    public const int MaxGroupIdLength = 128;
    /// <summary>Formatted phone numbers ('+44 (7700) 900-123') stay well under this.</summary>
    public const int MaxPhoneLength = 32;

    /// <summary>Message types groups do not support (§8.2: interactive and commerce messages).</summary>
    public static IReadOnlySet<string> TypesNotForGroups { get; } = new HashSet<string>(StringComparer.Ordinal) { "interactive" };

    /// <summary>Reads <c>recipient_type</c>: <c>individual</c> when left out; null (with an error) when it is neither value.</summary>
    public static string? ReadType(JsonObject body, string path, ValidationErrors errors)
    {
        var type = JsonRules.String(body, "recipient_type", path, errors, required: false);
        if (type is null) return body.ContainsKey("recipient_type") ? null : Individual;
        if (type is Individual or Group) return type;
        errors.Add(JsonPath.Member(path, "recipient_type"), "enum", $"'recipient_type' must be \"{Individual}\" or \"{Group}\".");
        return null;
    }

    /// <summary>Reads <c>to</c>: a phone number for an individual, a group id for a group.</summary>
    public static string? ReadTo(JsonObject body, string path, string? recipientType, ValidationErrors errors)
    {
        var toPath = JsonPath.Member(path, "to");
        if (recipientType == Group)
        {
            var groupId = JsonRules.String(body, "to", path, errors, required: true, minLength: 1, maxLength: MaxGroupIdLength);
            if (groupId is { Length: > 0 } && groupId.Length <= MaxGroupIdLength && !TokenRules.IsToken(groupId))
                errors.Add(toPath, "groupId", "For a group, 'to' must be the group id: printable ASCII without spaces.");
            return groupId;
        }
        var to = JsonRules.String(body, "to", path, errors, required: true, minLength: 1, maxLength: MaxPhoneLength);
        if (to is not null) Validate(to, toPath, errors);
        return to;
    }

    public static void CheckGroupType(string type, string path, ValidationErrors errors)
    {
        if (TypesNotForGroups.Contains(type))
            errors.Add(JsonPath.Member(path, "type"), "groupType", $"'{type}' messages cannot be sent to a group.");
    }

    /// <param name="name">The member named in the messages (other routes take a number under another name).</param>
    public static void Validate(string to, string path, ValidationErrors errors, string name = "to")
    {
        var digits = 0;
        foreach (var c in to)
        {
            if (char.IsAsciiDigit(c)) digits++;
            else if (c is not ('+' or '-' or '(' or ')' or ' '))
            {
                errors.Add(path, "phoneNumber", $"'{name}' may hold only digits, '+', '-', '(', ')' and spaces; found '{Printable(c)}'.");
                return;
            }
        }
        if (digits is < MinDigits or > MaxDigits)
            errors.Add(path, "phoneNumber", $"'{name}' must be a phone number with country code of {MinDigits} to {MaxDigits} digits (has {digits}).");
    }

    /// <summary>The WhatsApp id Meta derives from a number: its digits only.</summary>
    public static string ToWaId(string to) => string.Concat(to.Where(char.IsAsciiDigit));

    private static string Printable(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
}
