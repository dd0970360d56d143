using System.Text.Json;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>Runs <see cref="TemplateDefinitionRules"/> over definition JSON text, as the template endpoints do.</summary>
internal static class Definition
{
    public static IReadOnlyList<ValidationError> Errors(string json, string path = JsonPath.Root)
    {
        using var document = JsonDocument.Parse(json);
        var errors = new ValidationErrors();
        TemplateDefinitionRules.Validate(document.RootElement, path, errors);
        return errors.All;
    }

    public static void Accepted(string json)
    {
        var errors = Errors(json);
        Assert.True(errors.Count == 0, "refused: " + Describe(errors));
    }

    /// <summary>Exactly one error, at <paramref name="path"/> for <paramref name="rule"/>: each rule broken alone names only itself.</summary>
    public static void RefusedOnce(string json, string path, string rule)
    {
        var errors = Errors(json);
        Assert.True(errors.Count == 1 && errors[0].Path == path && errors[0].Rule == rule,
            $"expected exactly {path} {rule}; got: " + Describe(errors));
    }

    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Path} {e.Rule} ({e.Message})"));
}
