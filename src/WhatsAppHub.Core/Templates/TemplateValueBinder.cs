using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// Turns a caller's values into Cloud API parameter objects (§1.8): a string is a <c>text</c> parameter, and
/// <c>{ "T": … }</c> with one member is a parameter of type T (currency, date_time, image, video, document,
/// location, product), checked by the outbound <see cref="TemplateParameterRules"/> at the caller's own path.
/// </summary>
internal static class TemplateValueBinder
{
    public static readonly string[] BodyTypes = ["text", "currency", "date_time"];

    /// <summary>
    /// The values of one text's variables, from <c>values[member]</c>: an object of names for a named template, an
    /// array in <c>{{1}}</c>… order for a positional one. Null when any is missing or broken (each with one error).
    /// </summary>
    public static List<JsonObject>? Variables(JsonObject values, string member, IReadOnlyList<string> names, bool named,
        string path, ValidationErrors errors, IReadOnlyCollection<string> types, int textMax)
    {
        var memberPath = JsonPath.Member(path, member);
        if (!values.TryGetPropertyValue(member, out var node) || node is null)
        {
            if (names.Count == 0) return [];
            errors.Add(memberPath, "required", $"The template's {member} has {Count(names.Count)}: give {Shape(names, named)}.");
            return null;
        }
        if (names.Count == 0)
        {
            errors.Add(memberPath, "unexpected", $"The template's {member} has no variables, so it takes no values.");
            return null;
        }
        var before = errors.All.Count;
        var parameters = new List<JsonObject>();
        if (named)
        {
            // §1.8 names only text values ('parameter_name'); a currency or date_time value could not say which variable it fills.
            types = ["text"];
            if (node is not JsonObject byName)
            {
                errors.Add(memberPath, "type", $"This template's variables are named: give {Shape(names, named)}.");
                return null;
            }
            foreach (var (name, _) in byName)
                if (!names.Contains(name))
                    errors.Add(JsonPath.Member(memberPath, name), "unexpected", $"The template's {member} has no variable '{{{{{name}}}}}'.");
            // Meta takes named values in any order; the template's order keeps the output stable.
            foreach (var name in names)
            {
                var valuePath = JsonPath.Member(memberPath, name);
                if (!byName.TryGetPropertyValue(name, out var value) || value is null)
                    errors.Add(valuePath, "required", $"Variable '{{{{{name}}}}}' needs a value.");
                else if (Parameter(value, valuePath, errors, types, textMax, name) is { } parameter)
                    parameters.Add(parameter);
            }
        }
        else
        {
            if (node is not JsonArray list)
            {
                errors.Add(memberPath, "type", $"This template's variables are positional: give {Shape(names, named)}.");
                return null;
            }
            if (list.Count != names.Count)
            {
                errors.Add(memberPath, "count", $"The template's {member} has {Count(names.Count)}, so it takes {names.Count} value{(names.Count == 1 ? "" : "s")} (has {list.Count}).");
                return null;
            }
            for (var i = 0; i < list.Count; i++)
            {
                var valuePath = JsonPath.Index(memberPath, i);
                if (list[i] is null) errors.Add(valuePath, "required", $"Variable {{{{{i + 1}}}}} needs a value.");
                else if (Parameter(list[i]!, valuePath, errors, types, textMax, null) is { } parameter) parameters.Add(parameter);
            }
        }
        return errors.All.Count == before ? parameters : null;
    }

    /// <summary>One parameter object of a type in <paramref name="types"/>; null (with one error for a wrong shape) when broken.</summary>
    public static JsonObject? Parameter(JsonNode value, string path, ValidationErrors errors, IReadOnlyCollection<string> types,
        int textMax, string? parameterName)
    {
        if (value.GetValueKind() == JsonValueKind.String)
        {
            if (!types.Contains("text"))
            {
                errors.Add(path, "type", $"A text value does not fit here: give {Objects(types)}.");
                return null;
            }
            var text = value.GetValue<string>();
            var length = JsonRules.CodePointLength(text);
            if (length == 0 || string.IsNullOrWhiteSpace(text))
            {
                errors.Add(path, "required", "A text value must not be empty.");
                return null;
            }
            if (length > textMax)
            {
                errors.Add(path, "maxLength", $"This value may have at most {textMax} characters (has {length}).");
                return null;
            }
            var parameter = new JsonObject { ["type"] = "text" };
            if (parameterName is not null) parameter["parameter_name"] = parameterName;
            parameter["text"] = text;
            return parameter;
        }
        if (value is not JsonObject wrapper || wrapper.Count != 1 || wrapper.First().Key is not { } type
            || type == "text" || !types.Contains(type))
        {
            errors.Add(path, "type", $"Give {Describe(types)}.");
            return null;
        }
        var built = new JsonObject { ["type"] = type, [type] = wrapper[type]?.DeepClone() };
        var before = errors.All.Count;
        TemplateParameterRules.Validate(built, path, errors, [type], textMax);
        return errors.All.Count == before ? built : null;
    }

    private static string Describe(IReadOnlyCollection<string> types) =>
        types.Contains("text") ? types.Count == 1 ? "a string" : $"a string or {Objects(types)}" : Objects(types);

    private static string Objects(IReadOnlyCollection<string> types) =>
        string.Join(" or ", types.Where(t => t != "text").Select(t => $"{{\"{t}\": {{…}}}}"));

    private static string Count(int n) => n == 1 ? "1 variable" : $"{n} variables";

    private static string Shape(IReadOnlyList<string> names, bool named) => named
        ? "{" + string.Join(", ", names.Select(n => $"\"{n}\": …")) + "}"
        : $"an array of {names.Count} value{(names.Count == 1 ? "" : "s")}";
}
