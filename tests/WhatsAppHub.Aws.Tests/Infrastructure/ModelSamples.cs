using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>A request object filled from the model, and what its wire form must be according to the model.</summary>
public sealed record RequestSample(
    AmazonWebServiceRequest Request,
    IReadOnlyDictionary<string, string> ExpectedQuery,
    JsonObject? ExpectedBody);

/// <summary>
/// Builds sample values by walking the Smithy model: for every member it finds the C# property named in
/// PascalCase (nested classes must be named after their shapes), sets a deterministic value, and writes
/// down the JSON the model says that value travels as. The same walk builds canned outputs and the
/// objects they must decode to.
/// </summary>
public sealed class ModelSamples(SmithyModel model)
{
    private static readonly Assembly ClientAssembly = typeof(SocialMessagingClient).Assembly;

    public static Type RequestType(string operation) => ClrType(operation + "Request");

    public static Type ResponseType(string operation) => ClrType(operation + "Response");

    public RequestSample BuildRequest(string operation, bool everyMember)
    {
        var op = model.GetOperation(operation);
        var type = RequestType(operation);
        var request = (AmazonWebServiceRequest)Activator.CreateInstance(type)!;
        var members = model.Members(op.InputId);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        // restJson1: a body exists exactly when some input member is not bound elsewhere.
        var body = members.Any(m => m.QueryName is null) ? new JsonObject() : null;

        foreach (var member in members.Where(m => everyMember || m.Required))
        {
            var property = Property(type, member, operation);
            var (value, wire) = Sample(member.Target, property.PropertyType, $"{operation}.{member.Name}", everyMember);
            property.SetValue(request, value);
            if (member.QueryName is { } queryName) query[queryName] = QueryText(wire!);
            else body![member.Name] = wire;
        }
        return new RequestSample(request, query, body);
    }

    /// <summary>A canned output with every member set, and the typed response it must decode to.</summary>
    public (JsonObject Wire, Dictionary<string, object?> Expected) BuildOutput(string operation)
    {
        var op = model.GetOperation(operation);
        var type = ResponseType(operation);
        var wire = new JsonObject();
        var expected = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var member in model.Members(op.OutputId))
        {
            var property = Property(type, member, operation);
            var (value, json) = Sample(member.Target, property.PropertyType, $"{operation}.out.{member.Name}", everyMember: true);
            wire[member.Name] = json;
            expected[member.PropertyName] = value;
        }
        return (wire, expected);
    }

    /// <summary>Asserts that a decoded value equals the expected one, walking the model shape.</summary>
    public void AssertDecoded(string target, object? expected, object? actual, string path)
    {
        switch (model.TypeOf(target))
        {
            case "structure":
                Assert.NotNull(actual);
                Assert.Equal(SmithyModel.Short(target), actual!.GetType().Name);
                foreach (var member in model.Members(target))
                {
                    var property = Property(actual.GetType(), member, path);
                    AssertDecoded(member.Target, property.GetValue(expected), property.GetValue(actual), $"{path}.{member.Name}");
                }
                break;
            case "list":
                var expectedItems = ((IList)expected!).Cast<object?>().ToList();
                Assert.True(actual is IList, $"{path}: expected a list, got {actual?.GetType().Name ?? "null"}");
                var actualItems = ((IList)actual!).Cast<object?>().ToList();
                Assert.Equal(expectedItems.Count, actualItems.Count);
                for (var i = 0; i < expectedItems.Count; i++)
                    AssertDecoded(model.ListMember(target), expectedItems[i], actualItems[i], $"{path}[{i}]");
                break;
            case "map":
                var expectedMap = (IDictionary)expected!;
                Assert.True(actual is IDictionary, $"{path}: expected a map, got {actual?.GetType().Name ?? "null"}");
                var actualMap = (IDictionary)actual!;
                Assert.Equal(expectedMap.Keys.Cast<string>().Order(), actualMap.Keys.Cast<string>().Order());
                foreach (string key in expectedMap.Keys)
                    AssertDecoded(model.MapValue(target), expectedMap[key], actualMap[key], $"{path}[{key}]");
                break;
            default:
                Assert.True(Equals(expected, actual), $"{path}: expected {expected ?? "null"}, decoded {actual ?? "null"}");
                break;
        }
    }

    /// <summary>A value for one member and its JSON form as the model defines it.</summary>
    private (object? Value, JsonNode? Wire) Sample(string target, Type clrType, string path, bool everyMember)
    {
        var seed = Seed(path);
        switch (model.TypeOf(target))
        {
            case "string":
                // Characters that need percent-encoding in a query and escaping care in JSON.
                var text = $"{path[(path.LastIndexOf('.') + 1)..]}-{seed}:/ +é";
                return (text, JsonValue.Create(text));
            case "enum":
                var values = model.EnumValues(target);
                var chosen = values[seed % values.Count];
                return (chosen, JsonValue.Create(chosen));
            case "boolean":
                // Vary, so both true and false are seen on the wire (false must be sent, not dropped).
                var flag = seed % 2 == 0;
                return (flag, JsonValue.Create(flag));
            case "integer":
                var number = 1 + (seed % 100);
                return (number, JsonValue.Create(number));
            case "long":
                var big = 5_000_000_000L + seed;
                return (big, JsonValue.Create(big));
            case "blob":
                // JSON text plus bytes that are not valid UTF-8: the client must base64 raw bytes.
                var bytes = Encoding.UTF8.GetBytes($"{{\"sample\":\"{path}\"}}").Concat(new byte[] { 0xff, 0x00, 0xfe }).ToArray();
                return (bytes, JsonValue.Create(Convert.ToBase64String(bytes)));
            case "timestamp":
                // Epoch seconds with a fraction, as restJson1 sends them.
                var millis = (1_718_000_000L + seed) * 1000 + 250;
                return (DateTimeOffset.FromUnixTimeMilliseconds(millis), JsonNode.Parse(((decimal)millis / 1000).ToString(CultureInfo.InvariantCulture)));
            case "structure":
                return SampleStructure(target, clrType, path, everyMember);
            case "list":
                var list = (IList)Activator.CreateInstance(Concrete(clrType))!;
                var array = new JsonArray();
                for (var i = 0; i < 2; i++)
                {
                    var (item, itemWire) = Sample(model.ListMember(target), ElementType(clrType), $"{path}[{i}]", everyMember);
                    list.Add(item);
                    array.Add(itemWire);
                }
                return (list, array);
            case "map":
                var map = (IDictionary)Activator.CreateInstance(Concrete(clrType))!;
                var obj = new JsonObject();
                // "Content-Type" checks that map keys are not renamed by a naming policy.
                foreach (var key in new[] { "Content-Type", $"key{seed}" })
                {
                    var (item, itemWire) = Sample(model.MapValue(target), clrType.GetGenericArguments()[1], $"{path}.{key}", everyMember);
                    map[key] = item;
                    obj[key] = itemWire;
                }
                return (map, obj);
            default:
                throw new NotSupportedException($"{path}: Smithy type {model.TypeOf(target)} is not handled by the sample builder.");
        }
    }

    private (object Value, JsonNode Wire) SampleStructure(string target, Type clrType, string path, bool everyMember)
    {
        var shapeName = SmithyModel.Short(target);
        Assert.True(clrType.Name == shapeName, $"{path}: the C# type for shape {shapeName} is named {clrType.Name}.");
        AssertNoExtraProperties(clrType, target);
        var value = Activator.CreateInstance(clrType)!;
        var wire = new JsonObject();
        foreach (var member in model.Members(target).Where(m => everyMember || m.Required))
        {
            var property = Property(clrType, member, path);
            var (memberValue, memberWire) = Sample(member.Target, property.PropertyType, $"{path}.{member.Name}", everyMember);
            property.SetValue(value, memberValue);
            wire[member.Name] = memberWire;
        }
        return (value, wire);
    }

    /// <summary>Every public property of a shape class is a model member (no invented members).</summary>
    public void AssertNoExtraProperties(Type clrType, string shapeId)
    {
        var expected = model.Members(shapeId).Select(m => m.PropertyName).Order(StringComparer.Ordinal);
        var actual = clrType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static PropertyInfo Property(Type type, SmithyModel.Member member, string context) =>
        type.GetProperty(member.PropertyName, BindingFlags.Public | BindingFlags.Instance)
        ?? throw new Xunit.Sdk.XunitException($"{context}: {type.Name} has no property {member.PropertyName} for model member '{member.Name}'.");

    private static Type ClrType(string name) =>
        ClientAssembly.GetType("WhatsAppHub.Aws.Eum." + name)
        ?? throw new Xunit.Sdk.XunitException($"No public type WhatsAppHub.Aws.Eum.{name} in the client assembly.");

    private static Type Concrete(Type type) => type.IsInterface
        ? (type.GetGenericArguments().Length == 1 ? typeof(List<>) : typeof(Dictionary<,>)).MakeGenericType(type.GetGenericArguments())
        : type;

    private static Type ElementType(Type listType) => listType.GetGenericArguments()[0];

    private static string QueryText(JsonNode wire) => wire.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.True => "true",
        System.Text.Json.JsonValueKind.False => "false",
        System.Text.Json.JsonValueKind.String => wire.GetValue<string>(),
        _ => wire.ToJsonString(),
    };

    // Deterministic across runs (string.GetHashCode is randomised per process).
    private static int Seed(string path) => path.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7fff;
}
