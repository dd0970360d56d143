using System.Text.RegularExpressions;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// The template name in a route and the <c>language</c> query parameter, checked the way EUM's model and Meta take
/// them (name: lower-case letters, digits and underscores, ≤ 512; language: a locale code such as <c>en</c> or
/// <c>en_US</c>, ≤ 6 characters), so a bad one is a 400 naming it instead of a call EUM refuses.
/// </summary>
public static partial class TemplateNames
{
    public static bool IsName(string value) => NamePattern().IsMatch(value);

    public static bool IsLanguage(string value) => LanguagePattern().IsMatch(value);

    public static void CheckRouteName(string name, ValidationErrors errors, string path = "route.name")
    {
        if (!IsName(name))
            errors.Add(path, "pattern", "A template name has 1-512 lower-case letters, digits and underscores.");
    }

    public static string? Language(IQueryCollection query, ValidationErrors errors, bool required)
    {
        var language = QueryParameters.Text(query, "language");
        if (language is null)
        {
            if (required) errors.Add("query.language", "required", "'language' is required: the locale code of the template, such as en_US.");
            return null;
        }
        if (IsLanguage(language)) return language;
        errors.Add("query.language", "pattern", "'language' must be a locale code such as en or en_US.");
        return null;
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z0-9]{2,3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
