using System.Text.Json.Nodes;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Turns the typed members of a template send route (<c>couponCode</c>, <c>offerExpiresAt</c>, <c>sections</c>, …)
/// into the <see cref="Core.Templates.TemplateBinder"/> values they stand for, so binding and its rules stay in one
/// place, and remembers where each value came from: the binder names the values' paths (<c>$.buttons[0].value</c>),
/// <see cref="Rewrite"/> turns them back into the caller's (<c>$.couponCode</c>).
/// </summary>
public sealed class TypedTemplateValues(JsonObject request, TemplateShape shape, ValidationErrors errors, DateTimeOffset now)
{
    private readonly List<(string Internal, string Typed, bool Collapse)> _paths = [];

    /// <summary>The caller's request body.</summary>
    public JsonObject Request { get; } = request;

    /// <summary>The stored template's kind, buttons and parts.</summary>
    public TemplateShape Shape { get; } = shape;

    /// <summary>Where the route's own checks (before binding) report.</summary>
    public ValidationErrors Errors { get; } = errors;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The values handed to the binder, read at <see cref="JsonPath.Root"/>.</summary>
    public JsonObject Values { get; } = [];

    /// <summary>Passes the caller's <paramref name="typed"/> member on as the binder's <paramref name="name"/>, its inner paths kept.</summary>
    public void Member(string typed, string? name = null)
    {
        name ??= typed;
        if (!Request.TryGetPropertyValue(typed, out var node)) return;
        Values[name] = node?.DeepClone();
        if (name != typed) Map(JsonPath.Member(JsonPath.Root, name), JsonPath.Member(JsonPath.Root, typed), collapse: false);
    }

    /// <summary>
    /// Gives button <paramref name="index"/> the <paramref name="value"/> (null: none, which the binder reports as missing
    /// when the button needs one); whatever the binder says about it is said of <paramref name="typedPath"/>.
    /// </summary>
    public string Button(int index, JsonNode? value, string typedPath)
    {
        if (Values["buttons"] is not JsonArray buttons) Values["buttons"] = buttons = [];
        var itemPath = JsonPath.Index(JsonPath.Member(JsonPath.Root, "buttons"), buttons.Count);
        buttons.Add(new JsonObject { ["index"] = index, ["value"] = value });
        Map(itemPath, typedPath, collapse: true);
        return JsonPath.Member(itemPath, "value");
    }

    /// <summary>
    /// Reports the binder's errors at <paramref name="internalPath"/> (and below) at <paramref name="typedPath"/>:
    /// collapsed onto it, or with the rest of the path kept. The longest matching mapping wins.
    /// </summary>
    public void Map(string internalPath, string typedPath, bool collapse) => _paths.Add((internalPath, typedPath, collapse));

    /// <summary>
    /// The binder's errors with their paths turned into the caller's. A member the route's own checks refused already
    /// (an unreadable <c>offerExpiresAt</c> was not passed on, so the binder misses it) is not named twice.
    /// </summary>
    public IEnumerable<ValidationError> Rewrite(IEnumerable<ValidationError> bound)
    {
        var named = Errors.All.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var error in bound)
        {
            var matches = _paths.Where(p => Covers(p.Internal, error.Path)).ToList();
            if (matches.Count == 0)
            {
                yield return error;
                continue;
            }
            var best = matches.MaxBy(p => p.Internal.Length);
            var path = best.Collapse ? best.Typed : best.Typed + error.Path[best.Internal.Length..];
            if (!named.Contains(path)) yield return error with { Path = path };
        }
    }

    private static bool Covers(string prefix, string path) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] is '.' or '[');
}
