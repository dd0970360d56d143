using System.Text.Json;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>Read-only view of the EUM Smithy JSON model: the expectations of the wire tests come from here.</summary>
public sealed class SmithyModel
{
    public const string Namespace = "com.amazonaws.socialmessaging#";

    private static readonly Lazy<SmithyModel> Shared = new(Load);

    private readonly JsonElement _shapes;

    private SmithyModel(JsonDocument document) => _shapes = document.RootElement.GetProperty("shapes");

    public static SmithyModel Instance => Shared.Value;

    private static SmithyModel Load()
    {
        var path = RepositoryFiles.SmithyModelPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The EUM Smithy model was not found at '{path}' (repository root '{RepositoryFiles.Root}' + ../shared/reference/aws/). " +
                "The wire tests read their expectations from it.", path);
        }
        return new SmithyModel(JsonDocument.Parse(File.ReadAllText(path)));
    }

    public JsonElement ServiceShape => Shape(Namespace + "SocialMessaging");

    /// <summary>Short names of every operation shape in the model.</summary>
    public IReadOnlyList<string> OperationNames =>
        _shapes.EnumerateObject()
            .Where(s => s.Value.GetProperty("type").GetString() == "operation")
            .Select(s => Short(s.Name))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Short names of every structure carrying the smithy.api#error trait.</summary>
    public IReadOnlyList<string> ErrorShapeNames =>
        _shapes.EnumerateObject()
            .Where(s => Traits(s.Value).TryGetProperty("smithy.api#error", out _))
            .Select(s => Short(s.Name))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public JsonElement Shape(string id) =>
        _shapes.TryGetProperty(id, out var shape) ? shape : throw new KeyNotFoundException($"No shape {id} in the model.");

    public Operation GetOperation(string name)
    {
        var shape = Shape(Namespace + name);
        var http = Traits(shape).GetProperty("smithy.api#http");
        return new Operation(
            name,
            http.GetProperty("method").GetString()!,
            http.GetProperty("uri").GetString()!,
            shape.GetProperty("input").GetProperty("target").GetString()!,
            shape.GetProperty("output").GetProperty("target").GetString()!);
    }

    public IReadOnlyList<Member> Members(string structureId) =>
        Shape(structureId).TryGetProperty("members", out var members)
            ? members.EnumerateObject().Select(m => new Member(
                m.Name,
                m.Value.GetProperty("target").GetString()!,
                Traits(m.Value).TryGetProperty("smithy.api#required", out _),
                Traits(m.Value).TryGetProperty("smithy.api#httpQuery", out var q) ? q.GetString() : null)).ToArray()
            : [];

    /// <summary>The Smithy type of a target: a prelude simple type or the type of a model shape.</summary>
    public string TypeOf(string target) => target.StartsWith("smithy.api#", StringComparison.Ordinal)
        ? target["smithy.api#".Length..].ToLowerInvariant()
        : Shape(target).GetProperty("type").GetString()!;

    public string ListMember(string listId) => Shape(listId).GetProperty("member").GetProperty("target").GetString()!;

    public string MapValue(string mapId) => Shape(mapId).GetProperty("value").GetProperty("target").GetString()!;

    public IReadOnlyList<string> EnumValues(string enumId) =>
        Shape(enumId).GetProperty("members").EnumerateObject()
            .Select(m => Traits(m.Value).TryGetProperty("smithy.api#enumValue", out var v) ? v.GetString()! : m.Name).ToArray();

    private static readonly JsonElement NoTraits = JsonDocument.Parse("{}").RootElement;

    public static JsonElement Traits(JsonElement shape) =>
        shape.TryGetProperty("traits", out var traits) ? traits : NoTraits;

    public static string Short(string id) => id[(id.IndexOf('#') + 1)..];

    public sealed record Operation(string Name, string Method, string Uri, string InputId, string OutputId);

    public sealed record Member(string Name, string Target, bool Required, string? QueryName)
    {
        /// <summary>The C# property name the contract asks for: the PascalCase of the member name.</summary>
        public string PropertyName => char.ToUpperInvariant(Name[0]) + Name[1..];
    }
}
