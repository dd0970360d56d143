using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;

namespace WhatsAppHub.Sandbox.Tests.Support;

/// <summary>
/// Turns an operation input in the JS client's shape (model member names, blobs as Base64) into the hub
/// client's <c>{Operation}Request</c> by reflection, and calls <c>{Operation}Async</c> on
/// <see cref="ISocialMessaging"/>. Member <c>fooBar</c> sets property <c>FooBar</c>; strings, booleans and
/// numbers are taken as they are, Base64 strings become <c>byte[]</c> where the property is one, objects
/// become shape classes or dictionaries (keys unchanged), arrays become lists. Anything the mapper cannot
/// place fails the test rather than being dropped.
/// </summary>
public static class JsonRequestMapper
{
    public static MethodInfo Method(string operation) =>
        typeof(ISocialMessaging).GetMethod(operation + "Async")
        ?? throw new Xunit.Sdk.XunitException($"ISocialMessaging has no {operation}Async.");

    public static AmazonWebServiceRequest ToRequest(string operation, JsonObject input)
    {
        var type = Method(operation).GetParameters()[0].ParameterType;
        Assert.Equal(operation + "Request", type.Name);
        return (AmazonWebServiceRequest)ToValue(input, type, operation)!;
    }

    /// <summary>Calls <c>{operation}Async</c> and returns the decoded response; a service error is rethrown as is.</summary>
    public static async Task<AmazonWebServiceResponse> CallAsync(ISocialMessaging client, string operation, AmazonWebServiceRequest request)
    {
        try
        {
            var task = (Task)Method(operation).Invoke(client, [request, CancellationToken.None])!;
            await task;
            return (AmazonWebServiceResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static object? ToValue(JsonNode? node, Type type, string path)
    {
        if (node is null)
        {
            return null;
        }
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(string)) return Scalar<string>(node, path);
        if (type == typeof(bool)) return Scalar<bool>(node, path);
        if (type == typeof(int)) return Scalar<int>(node, path);
        if (type == typeof(long)) return Scalar<long>(node, path);
        if (type == typeof(double)) return Scalar<double>(node, path);
        if (type == typeof(byte[])) return Convert.FromBase64String(Scalar<string>(node, path));

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            Assert.True(type.GetGenericArguments()[0] == typeof(string), $"{path}: map keys must be strings, the property is {type}.");
            var valueType = type.GetGenericArguments()[1];
            var map = (IDictionary)Activator.CreateInstance(type)!;
            foreach (var (key, value) in Object(node, path))
            {
                map[key] = ToValue(value, valueType, $"{path}[{key}]");
            }
            return map;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            Assert.True(node is JsonArray, $"{path}: expected a JSON array for {type}, got {node.GetValueKind()}.");
            var itemType = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(type)!;
            var i = 0;
            foreach (var item in node.AsArray())
            {
                list.Add(ToValue(item, itemType, $"{path}[{i++}]"));
            }
            return list;
        }

        if (type.IsClass && type.Namespace == typeof(ISocialMessaging).Namespace)
        {
            var shape = Activator.CreateInstance(type)!;
            foreach (var (member, value) in Object(node, path))
            {
                var name = char.ToUpperInvariant(member[0]) + member[1..];
                var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    ?? throw new Xunit.Sdk.XunitException($"{path}: {type.Name} has no property {name} for input member '{member}'.");
                property.SetValue(shape, ToValue(value, property.PropertyType, $"{path}.{member}"));
            }
            return shape;
        }

        throw new Xunit.Sdk.XunitException($"{path}: the mapper does not handle {type}.");
    }

    private static T Scalar<T>(JsonNode node, string path) =>
        node is JsonValue value && value.TryGetValue<T>(out var result)
            ? result
            : throw new Xunit.Sdk.XunitException($"{path}: {node.ToJsonString()} is not a {typeof(T).Name}.");

    private static JsonObject Object(JsonNode node, string path) =>
        node as JsonObject ?? throw new Xunit.Sdk.XunitException($"{path}: expected a JSON object, got {node.GetValueKind()}.");
}
