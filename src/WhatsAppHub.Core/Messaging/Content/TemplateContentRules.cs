using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// Template message, the send object only (§1.8): <c>name</c>, <c>language</c> { <c>code</c>, <c>policy</c> } and the
/// <c>components</c> that fill the template's variables. Whether they match the approved definition is Meta's check
/// (and a later issue's, against stored definitions); here the structure, counts and lengths Meta states are checked.
/// </summary>
public sealed partial class TemplateContentRules : IMessageContentRules
{
    public const int MaxNameLength = 512;

    private static readonly HashSet<string> Members = ["name", "language", "components"];
    private static readonly HashSet<string> LanguageMembers = ["code", "policy"];

    public string Type => "template";

    public void Validate(JsonObject content, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(content, path, errors, Members);
        var name = JsonRules.String(content, "name", path, errors, required: true, minLength: 1, maxLength: MaxNameLength);
        if (name is { Length: > 0 } && !Name().IsMatch(name))
            errors.Add(JsonPath.Member(path, "name"), "pattern", "'name' must be lowercase letters, digits and underscores.");

        var language = JsonRules.Object(content, "language", path, errors, required: true);
        if (language is not null)
        {
            var languagePath = JsonPath.Member(path, "language");
            JsonRules.OnlyKnownMembers(language, languagePath, errors, LanguageMembers);
            var code = JsonRules.String(language, "code", languagePath, errors, required: true, minLength: 1);
            if (code is { Length: > 0 } && !LanguageCode().IsMatch(code))
                errors.Add(JsonPath.Member(languagePath, "code"), "pattern", "'code' must be a locale code as approved, such as en_US or pt_BR.");
            var policy = JsonRules.String(language, "policy", languagePath, errors, required: false);
            if (policy is not null && policy != "deterministic")
                errors.Add(JsonPath.Member(languagePath, "policy"), "enum", "'policy' must be \"deterministic\" or left out.");
        }

        var components = JsonRules.Array(content, "components", path, errors, required: false);
        if (components is not null) TemplateComponentRules.Validate(components, JsonPath.Member(path, "components"), errors, inCard: false);
    }

    [GeneratedRegex("^[a-z0-9_]+\\z")]
    private static partial Regex Name();

    // Language, then an optional region or script: en, en_US, zh_HK, es_419, fil.
    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z0-9]{2,4})?\\z")]
    private static partial Regex LanguageCode();
}
