using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// Checks a Meta template definition (§3.1, the JSON EUM's <c>CreateWhatsAppMessageTemplate</c> carries as
/// <c>templateDefinition</c>) before EUM is called, so a broken template costs no review round trip: one
/// <see cref="ValidationError"/> per broken rule, at its JSON path under <c>path</c>. Rules the reference marks
/// unconfirmed are applied leniently (say so where they are). The tap-target title override (§3.14) is a send-time
/// component, so it has no definition rule here.
/// </summary>
public static partial class TemplateDefinitionRules
{
    /// <summary>§3.2 and EUM's MetaTemplateName: 1–512 characters.</summary>
    public const int MaxNameLength = 512;
    /// <summary>EUM's MetaTemplateDefinition blob (§6.1 of eum-api.md): the whole definition is 1–6000 bytes.</summary>
    public const int MaxDefinitionBytes = 6000;
    /// <summary>EUM's MetaTemplateComponents blob, what <c>UpdateWhatsAppMessageTemplate</c> carries: 1–3000 bytes.</summary>
    public const int MaxComponentsBytes = 3000;
    /// <summary>EUM's MetaTemplateLanguage is 1–6 characters (<c>en</c>, <c>en_US</c>, <c>es_419</c>).</summary>
    public const int MaxLanguageLength = 6;
    public const string Marketing = "MARKETING";
    public const string Utility = "UTILITY";
    public const string Authentication = "AUTHENTICATION";

    /// <summary>§3.9: <c>-1</c> asks for the 30-day default (authentication and utility only).</summary>
    public const long DefaultTtl = -1;
    public const long MinAuthenticationTtl = 30;
    public const long MaxAuthenticationTtl = 900;
    public const long MinUtilityTtl = 30;
    public const long MaxUtilityTtl = 43_200;
    public const long MinMarketingTtl = 43_200;
    public const long MaxMarketingTtl = 2_592_000;

    public static IReadOnlyList<string> Categories { get; } = [Marketing, Utility, Authentication];

    private static readonly HashSet<string> Members =
    [
        "name", "language", "category", "parameter_format", "message_send_ttl_seconds", "allow_category_change", "components",
        // Library creation (§3.13, 3p): the library supplies the components.
        "library_template_name", "library_template_button_inputs", "library_template_body_inputs",
    ];

    public static void Validate(JsonElement definition, string path, ValidationErrors errors)
    {
        var root = AsObject(definition, path, errors);
        if (root is null) return;
        var bytes = CompactUtf8Length(root);
        if (bytes > MaxDefinitionBytes)
            errors.Add(path, "maxBytes", $"EUM takes a template definition of at most {MaxDefinitionBytes} bytes as compact JSON (this one has {bytes}).");

        JsonRules.OnlyKnownMembers(root, path, errors, Members);
        var name = JsonRules.String(root, "name", path, errors, required: true, minLength: 1, maxLength: MaxNameLength);
        if (name is { Length: > 0 } && JsonRules.CodePointLength(name) <= MaxNameLength && !Name().IsMatch(name))
            errors.Add(JsonPath.Member(path, "name"), "pattern", "'name' must be lowercase letters, digits and underscores.");

        var language = JsonRules.String(root, "language", path, errors, required: true, minLength: 1, maxLength: MaxLanguageLength);
        if (language is { Length: > 0 and <= MaxLanguageLength } && !LanguageCode().IsMatch(language))
            errors.Add(JsonPath.Member(path, "language"), "pattern", "'language' must be a locale code such as en, en_US or es_419.");

        var category = JsonRules.String(root, "category", path, errors, required: true, minLength: 1);
        if (category is { Length: > 0 } && !Categories.Contains(category))
        {
            errors.Add(JsonPath.Member(path, "category"), "enum", $"'category' must be one of: {string.Join(", ", Categories)}.");
            category = null;
        }
        else if (category is { Length: 0 }) category = null;

        var named = ParameterFormat(root, path, errors);
        JsonRules.Boolean(root, "allow_category_change", path, errors);
        Ttl(root, path, errors, category);

        var library = LibraryFields(root, path, errors);
        // A library template takes its components from Meta's library, so a definition may leave them out.
        var components = JsonRules.Array(root, "components", path, errors, required: !library);
        // An empty list is refused by the BODY rule, one error rather than two.
        if (components is not null && !(library && components.Count == 0))
            TemplateComponentsRules.Validate(components, JsonPath.Member(path, "components"), errors, new DefinitionContext(category, named));
    }

    /// <summary>
    /// The definition as a <see cref="JsonObject"/> so the shared <see cref="JsonRules"/> readers apply. It goes through
    /// <see cref="JsonBody"/> again because a <see cref="JsonElement"/> may hold duplicate members or lone surrogates
    /// that would otherwise throw later; its errors are moved under <paramref name="path"/>.
    /// </summary>
    private static JsonObject? AsObject(JsonElement definition, string path, ValidationErrors errors)
    {
        if (definition.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path, "type", "The template definition must be a JSON object.");
            return null;
        }
        var parseErrors = new ValidationErrors();
        var root = JsonBody.ParseObject(Encoding.UTF8.GetBytes(definition.GetRawText()), parseErrors);
        foreach (var error in parseErrors.All)
            errors.Add(path, error.Rule, error.Message.Replace("The body", "The template definition", StringComparison.Ordinal));
        return root;
    }

    /// <summary>
    /// Bytes of <paramref name="node"/> as compact UTF-8 JSON without needless escapes: the smallest form a caller can
    /// hand EUM, so the size rule never refuses what a careful caller could send.
    /// </summary>
    public static int CompactUtf8Length(JsonNode node) =>
        Encoding.UTF8.GetByteCount(node.ToJsonString(CompactOptions));

    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>§3.4: <c>positional</c> (the default) or <c>named</c>; true when named. Meta's pages write both cases.</summary>
    private static bool ParameterFormat(JsonObject root, string path, ValidationErrors errors)
    {
        var format = JsonRules.String(root, "parameter_format", path, errors, required: false);
        if (format is null) return false;
        if (format.Equals("named", StringComparison.OrdinalIgnoreCase)) return true;
        if (!format.Equals("positional", StringComparison.OrdinalIgnoreCase))
            errors.Add(JsonPath.Member(path, "parameter_format"), "enum", "'parameter_format' must be \"positional\" or \"named\".");
        return false;
    }

    /// <summary>§3.9: each category has its own <c>message_send_ttl_seconds</c> range; <c>-1</c> (30 days) is not for marketing.</summary>
    private static void Ttl(JsonObject root, string path, ValidationErrors errors, string? category)
    {
        var ttl = JsonRules.Integer(root, "message_send_ttl_seconds", path, errors, required: false);
        if (ttl is not { } seconds || category is null) return;
        var (min, max, allowsDefault) = category switch
        {
            Authentication => (MinAuthenticationTtl, MaxAuthenticationTtl, true),
            Utility => (MinUtilityTtl, MaxUtilityTtl, true),
            _ => (MinMarketingTtl, MaxMarketingTtl, false),
        };
        if (seconds == DefaultTtl && allowsDefault) return;
        if (seconds < min || seconds > max)
            errors.Add(JsonPath.Member(path, "message_send_ttl_seconds"), "range",
                $"For {category} templates 'message_send_ttl_seconds' must be from {min} to {max}{(allowsDefault ? " or -1 (30 days)" : "")}.");
    }

    /// <summary>
    /// §3.13 (3p): <c>library_template_name</c> names a template in Meta's library; its inputs are objects whose
    /// inner fields Meta checks (their shapes are third-party facts). True when the definition comes from the library.
    /// </summary>
    private static bool LibraryFields(JsonObject root, string path, ValidationErrors errors)
    {
        var libraryName = JsonRules.String(root, "library_template_name", path, errors, required: false, minLength: 1, maxLength: MaxNameLength);
        var buttons = JsonRules.Array(root, "library_template_button_inputs", path, errors, required: false, maxCount: TemplateButtonsRules.MaxButtons);
        // Walking the items records an error for each one that is not an object; their fields are Meta's to check.
        if (buttons is not null)
            foreach (var _ in JsonRules.Objects(buttons, JsonPath.Member(path, "library_template_button_inputs"), errors)) { }
        JsonRules.Object(root, "library_template_body_inputs", path, errors, required: false);
        if (libraryName is null && (buttons is not null || root.ContainsKey("library_template_body_inputs")))
            errors.Add(JsonPath.Member(path, "library_template_name"), "required", "Library inputs need 'library_template_name'.");
        return libraryName is { Length: > 0 };
    }

    [GeneratedRegex("^[a-z0-9_]+\\z")]
    private static partial Regex Name();

    // Language, then an optional region or script: en, en_US, zh_HK, es_419, fil. Meta publishes a list; the pattern
    // keeps new locales working without a hub release.
    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z0-9]{2,3})?\\z")]
    private static partial Regex LanguageCode();
}
