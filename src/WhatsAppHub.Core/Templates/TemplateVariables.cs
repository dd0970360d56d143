using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// The variables of one template text (§3.4): <c>{{1}}</c>… ascending from 1 when positional, <c>{{lowercase_name}}</c>
/// when named, never two with no text between them, and every variable with an example in the component's
/// <c>example</c> object. Each text gets at most one error per rule, so a text full of bad variables reads as one fix.
/// </summary>
public static partial class TemplateVariables
{
    /// <summary>Where one text keeps its examples: the positional key (flat array for headers, one row for bodies) and the named key.</summary>
    public sealed record ExampleKeys(string Positional, string Named, bool PositionalIsRow);

    public static ExampleKeys Header { get; } = new("header_text", "header_text_named_params", PositionalIsRow: false);
    public static ExampleKeys Body { get; } = new("body_text", "body_text_named_params", PositionalIsRow: true);

    private static readonly HashSet<string> NamedExampleMembers = ["param_name", "example"];

    /// <summary>The variable names (digits when positional) of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Names(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Checks the variables of <paramref name="text"/> (at <paramref name="textPath"/>) and their examples in
    /// <paramref name="example"/> (the component's <c>example</c> object, null when absent).
    /// </summary>
    public static void Check(string text, string textPath, JsonObject component, string componentPath, ExampleKeys keys,
        DefinitionContext context, ValidationErrors errors, int maxVariables, bool edgesAllowed)
    {
        var names = Names(text);
        var format = context.Named ? "named ({{first_name}})" : "positional ({{1}})";
        var badName = names.FirstOrDefault(n => !(context.Named ? NamedVariable().IsMatch(n) : PositionalVariable().IsMatch(n)));
        if (badName is not null)
            errors.Add(textPath, "parameterFormat", $"'{{{{{badName}}}}}' is not a {format} variable; 'parameter_format' decides which kind a template uses.");
        else if (!context.Named && !IsSequence(names))
            errors.Add(textPath, "variableSequence", "Positional variables must be numbered {{1}}, {{2}}… from 1 without gaps.");
        if (names.Count > maxVariables)
            errors.Add(textPath, "maxVariables", $"This text may hold at most {maxVariables} variable{(maxVariables == 1 ? "" : "s")} (has {names.Count}).");
        if (AdjacentVariables().IsMatch(text))
            errors.Add(textPath, "adjacentVariables", "Two variables need text between them.");
        var trimmed = text.Trim();
        if (!edgesAllowed && (StartsWithPlaceholder().IsMatch(trimmed) || EndsWithPlaceholder().IsMatch(trimmed)))
            errors.Add(textPath, "edgeVariable", "The text must not start or end with a variable (Meta error 2388299).");

        // Examples of variables the text cannot hold would only repeat the format error.
        if (badName is null) Examples(names, component, componentPath, keys, context, errors);
    }

    private static void Examples(IReadOnlyList<string> names, JsonObject component, string componentPath, ExampleKeys keys,
        DefinitionContext context, ValidationErrors errors)
    {
        var example = JsonRules.Object(component, "example", componentPath, errors, required: false);
        var examplePath = JsonPath.Member(componentPath, "example");
        if (example is null)
        {
            if (names.Count > 0 && !component.ContainsKey("example"))
                errors.Add(examplePath, "required", "Every variable needs an example: add 'example'.");
            return;
        }
        var (wanted, other) = context.Named ? (keys.Named, keys.Positional) : (keys.Positional, keys.Named);
        if (example.ContainsKey(other))
            errors.Add(JsonPath.Member(examplePath, other), "parameterFormat",
                $"'{other}' does not match 'parameter_format'; use '{wanted}'.");
        if (!example.ContainsKey(wanted))
        {
            if (names.Count > 0) errors.Add(JsonPath.Member(examplePath, wanted), "required", $"Every variable needs an example in '{wanted}'.");
            return;
        }
        var valuesPath = JsonPath.Member(examplePath, wanted);
        if (names.Count == 0)
        {
            errors.Add(valuesPath, "exampleUnused", "The text has no variables, so it takes no examples.");
            return;
        }
        if (context.Named) NamedExamples(example, wanted, examplePath, names, errors);
        else PositionalExamples(example, wanted, examplePath, names.Count, keys.PositionalIsRow, errors);
    }

    private static void PositionalExamples(JsonObject example, string key, string examplePath, int count, bool isRow, ValidationErrors errors)
    {
        var values = JsonRules.Array(example, key, examplePath, errors, required: true);
        if (values is null) return;
        var valuesPath = JsonPath.Member(examplePath, key);
        if (isRow)
        {
            // Bodies take one row of examples: [["v1","v2"]].
            if (values.Count != 1 || values[0] is not JsonArray row)
            {
                errors.Add(valuesPath, "exampleShape", $"'{key}' must hold one array of example values, such as [[\"v1\",\"v2\"]].");
                return;
            }
            values = row;
            valuesPath = JsonPath.Index(valuesPath, 0);
        }
        if (values.Count != count)
        {
            errors.Add(valuesPath, "exampleCount", $"The text has {count} variable{(count == 1 ? "" : "s")}, so it needs {count} example value{(count == 1 ? "" : "s")} (has {values.Count}).");
            return;
        }
        for (var i = 0; i < values.Count; i++) ExampleValue(values[i], JsonPath.Index(valuesPath, i), errors);
    }

    private static void NamedExamples(JsonObject example, string key, string examplePath, IReadOnlyList<string> names, ValidationErrors errors)
    {
        var values = JsonRules.Array(example, key, examplePath, errors, required: true);
        if (values is null) return;
        var valuesPath = JsonPath.Member(examplePath, key);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, itemPath) in JsonRules.Objects(values, valuesPath, errors))
        {
            JsonRules.OnlyKnownMembers(item, itemPath, errors, NamedExampleMembers);
            var name = JsonRules.String(item, "param_name", itemPath, errors, required: true, minLength: 1);
            JsonRules.String(item, "example", itemPath, errors, required: true, minLength: 1);
            if (name is not { Length: > 0 }) continue;
            if (!given.Add(name))
                errors.Add(JsonPath.Member(itemPath, "param_name"), "unique", $"'{name}' already has an example.");
            else if (!names.Contains(name))
                errors.Add(JsonPath.Member(itemPath, "param_name"), "exampleUnused", $"The text has no variable '{{{{{name}}}}}'.");
        }
        foreach (var missing in names.Where(n => !given.Contains(n)))
            errors.Add(valuesPath, "exampleMissing", $"Variable '{{{{{missing}}}}}' needs an example.");
    }

    private static void ExampleValue(JsonNode? value, string path, ValidationErrors errors)
    {
        if (value is null || value.GetValueKind() != JsonValueKind.String)
            errors.Add(path, "type", "Each example value must be a string.");
        else if (value.GetValue<string>().Length == 0)
            errors.Add(path, "required", "Example values must not be empty.");
    }

    private static bool IsSequence(IReadOnlyList<string> names)
    {
        var numbers = names.Select(n => int.TryParse(n, out var i) ? i : -1).Order().ToList();
        for (var i = 0; i < numbers.Count; i++)
            if (numbers[i] != i + 1) return false;
        return true;
    }

    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{\{[^{}]*\}\}")]
    private static partial Regex StartsWithPlaceholder();

    [GeneratedRegex(@"\{\{[^{}]*\}\}\z")]
    private static partial Regex EndsWithPlaceholder();

    [GeneratedRegex(@"\{\{[^{}]*\}\}\s*\{\{[^{}]*\}\}")]
    private static partial Regex AdjacentVariables();

    [GeneratedRegex("^[1-9][0-9]{0,2}\\z")]
    private static partial Regex PositionalVariable();

    // §3.4: lowercase letters and underscores; digits after the first character are accepted (Meta's own samples use them).
    [GeneratedRegex("^[a-z_][a-z0-9_]*\\z")]
    private static partial Regex NamedVariable();
}
