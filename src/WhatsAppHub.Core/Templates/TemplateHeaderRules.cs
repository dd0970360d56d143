using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// A <c>HEADER</c> component (§3.5): <c>TEXT</c> of at most 60 characters with at most one variable, a media sample
/// (<c>IMAGE</c>, <c>VIDEO</c>, <c>DOCUMENT</c>, <c>GIF</c>) given as <c>example.header_handle</c>, or <c>LOCATION</c>
/// (utility and marketing only, nothing at creation). Carousel cards allow their own formats (§3.8).
/// </summary>
public static class TemplateHeaderRules
{
    public const int MaxTextLength = 60;
    public const int MaxTextVariables = 1;
    public const string Text = "TEXT";
    public const string Image = "IMAGE";
    public const string Video = "VIDEO";
    public const string Document = "DOCUMENT";
    public const string Gif = "GIF";
    public const string Location = "LOCATION";
    public const string Product = "PRODUCT";

    public static IReadOnlySet<string> TemplateFormats { get; } = new HashSet<string> { Text, Image, Video, Document, Gif, Location };
    public static IReadOnlySet<string> MediaFormats { get; } = new HashSet<string> { Image, Video, Document, Gif };

    private static readonly HashSet<string> TextMembers = ["type", "format", "text", "example"];
    private static readonly HashSet<string> MediaMembers = ["type", "format", "example"];
    private static readonly HashSet<string> BareMembers = ["type", "format"];
    private static readonly HashSet<string> MediaExampleMembers = ["header_handle"];

    /// <summary>Checks the header and returns its format in upper case (null when missing or not one of <paramref name="formats"/>).</summary>
    public static string? Validate(JsonObject header, string path, ValidationErrors errors, DefinitionContext context, IReadOnlySet<string> formats)
    {
        var format = JsonRules.String(header, "format", path, errors, required: true, minLength: 1)?.ToUpperInvariant();
        if (format is { Length: > 0 } && !formats.Contains(format))
        {
            errors.Add(JsonPath.Member(path, "format"), "enum", $"'format' must be one of: {string.Join(", ", formats)}.");
            return null;
        }
        switch (format)
        {
            case Text:
                // "No markdown" (§3.5) is left to Meta's review: '*' and '_' are also ordinary characters in names and codes.
                JsonRules.OnlyKnownMembers(header, path, errors, TextMembers);
                var text = JsonRules.String(header, "text", path, errors, required: true, minLength: 1, maxLength: MaxTextLength);
                if (text is not null)
                    TemplateVariables.Check(text, JsonPath.Member(path, "text"), header, path, TemplateVariables.Header, context, errors,
                        MaxTextVariables, edgesAllowed: true);
                break;
            case Image or Video or Document or Gif:
                JsonRules.OnlyKnownMembers(header, path, errors, MediaMembers);
                MediaExample(header, path, errors);
                // §3.5: GIF headers exist only for the Marketing Messages Lite API, which sends marketing templates.
                if (format == Gif && context.Category is { } category && !context.IsMarketing)
                    errors.Add(JsonPath.Member(path, "format"), "category", $"GIF headers are for MARKETING templates, not {category}.");
                break;
            case Location:
                JsonRules.OnlyKnownMembers(header, path, errors, BareMembers);
                break;
            case Product:
                // Product card carousel (§3.8): image, title and price come from the catalog at send time.
                JsonRules.OnlyKnownMembers(header, path, errors, BareMembers);
                break;
        }
        return format is { Length: > 0 } ? format : null;
    }

    /// <summary>A media sample is a handle from the Resumable Upload API (EUM: <c>CreateWhatsAppMessageTemplateMedia</c>).</summary>
    private static void MediaExample(JsonObject header, string path, ValidationErrors errors)
    {
        var example = JsonRules.Object(header, "example", path, errors, required: true);
        if (example is null) return;
        var examplePath = JsonPath.Member(path, "example");
        JsonRules.OnlyKnownMembers(example, examplePath, errors, MediaExampleMembers);
        var handles = JsonRules.Array(example, "header_handle", examplePath, errors, required: true, minCount: 1);
        if (handles is null) return;
        var handlesPath = JsonPath.Member(examplePath, "header_handle");
        for (var i = 0; i < handles.Count; i++)
        {
            if (handles[i] is not JsonValue value || !value.TryGetValue<string>(out var handle))
                errors.Add(JsonPath.Index(handlesPath, i), "type", "Each header handle must be a string.");
            else if (handle.Length == 0)
                errors.Add(JsonPath.Index(handlesPath, i), "required", "Header handles must not be empty.");
        }
    }
}
