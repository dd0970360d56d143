using System.Globalization;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// Contacts message (§1.5): <c>contacts</c> is an array of 1–257 contact cards. Each needs <c>name.formatted_name</c>;
/// the other members are optional and take the listed fields only.
/// </summary>
public sealed class ContactsContentRules : IMessageContentRules
{
    public const int MaxContacts = 257;

    private static readonly HashSet<string> ContactMembers = ["name", "birthday", "addresses", "emails", "org", "phones", "urls"];
    private static readonly HashSet<string> NameMembers = ["formatted_name", "first_name", "last_name", "middle_name", "suffix", "prefix"];
    private static readonly HashSet<string> AddressMembers = ["street", "city", "state", "zip", "country", "country_code", "type"];
    private static readonly HashSet<string> EmailMembers = ["email", "type"];
    private static readonly HashSet<string> OrgMembers = ["company", "department", "title"];
    private static readonly HashSet<string> PhoneMembers = ["phone", "type", "wa_id"];
    private static readonly HashSet<string> UrlMembers = ["url", "type"];

    public string Type => "contacts";

    /// <summary>The content of a contacts message is an array, not an object: check the array, then each card.</summary>
    public void ValidateMember(JsonObject body, string bodyPath, ValidationErrors errors)
    {
        var path = JsonPath.Member(bodyPath, Type);
        var cards = JsonRules.Array(body, Type, bodyPath, errors, required: true, minCount: 1, maxCount: MaxContacts);
        if (cards is null) return;
        foreach (var (card, cardPath) in JsonRules.Objects(cards, path, errors)) Validate(card, cardPath, errors);
    }

    /// <summary>Checks one contact card.</summary>
    public void Validate(JsonObject content, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(content, path, errors, ContactMembers);
        var name = JsonRules.Object(content, "name", path, errors, required: true);
        if (name is not null)
        {
            var namePath = JsonPath.Member(path, "name");
            StringMembers(name, namePath, errors, NameMembers, "formatted_name");
        }
        var birthday = JsonRules.String(content, "birthday", path, errors, required: false);
        if (birthday is not null && !DateOnly.TryParseExact(birthday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            errors.Add(JsonPath.Member(path, "birthday"), "date", "'birthday' must be a date written YYYY-MM-DD.");
        var org = JsonRules.Object(content, "org", path, errors, required: false);
        if (org is not null) StringMembers(org, JsonPath.Member(path, "org"), errors, OrgMembers, null);
        Entries(content, "addresses", path, errors, AddressMembers, null);
        Entries(content, "emails", path, errors, EmailMembers, "email");
        Entries(content, "phones", path, errors, PhoneMembers, "phone");
        Entries(content, "urls", path, errors, UrlMembers, "url");
    }

    /// <summary>An optional array of objects whose members are all strings, each entry needing <paramref name="key"/> when given.</summary>
    private static void Entries(JsonObject contact, string name, string path, ValidationErrors errors, HashSet<string> members, string? key)
    {
        var list = JsonRules.Array(contact, name, path, errors, required: false);
        if (list is null) return;
        foreach (var (entry, entryPath) in JsonRules.Objects(list, JsonPath.Member(path, name), errors))
        {
            StringMembers(entry, entryPath, errors, members, key);
            if (name == "phones" && JsonRules.String(entry, "wa_id", entryPath, errors, required: false) is { } waId
                && (waId.Length is < RecipientRules.MinDigits or > RecipientRules.MaxDigits || !waId.All(char.IsAsciiDigit)))
                errors.Add(JsonPath.Member(entryPath, "wa_id"), "pattern",
                    $"'wa_id' must be a WhatsApp id: {RecipientRules.MinDigits} to {RecipientRules.MaxDigits} digits, no '+'.");
        }
    }

    /// <summary>Checks that every member is a known string; <paramref name="required"/> names the one that must be present and non-empty.</summary>
    private static void StringMembers(JsonObject obj, string path, ValidationErrors errors, HashSet<string> members, string? required)
    {
        JsonRules.OnlyKnownMembers(obj, path, errors, members);
        foreach (var member in members)
        {
            if (member is "wa_id") continue; // checked with its own pattern
            var isRequired = member == required;
            JsonRules.String(obj, member, path, errors, required: isRequired, minLength: isRequired ? 1 : 0);
        }
    }
}
