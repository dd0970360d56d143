using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// A small vocabulary for the hand-written request schemas, so each message type's builder reads like its rule class:
/// <c>Schema.Object().Required("body", Schema.String(TextContentRules.MaxBodyLength))</c>. Limits are always passed in
/// from the Core rule constants, never typed here.
/// </summary>
internal static class Schema
{
    public static OpenApiSchema String(int? maxLength = null, int minLength = 1, string? description = null) => new()
    {
        Type = JsonSchemaType.String,
        MinLength = minLength > 0 ? minLength : null,
        MaxLength = maxLength,
        Description = description,
    };

    public static OpenApiSchema Enum(params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))],
    };

    public static OpenApiSchema Boolean(string? description = null) => new() { Type = JsonSchemaType.Boolean, Description = description };

    public static OpenApiSchema Integer(long? minimum = null, long? maximum = null, string? description = null) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = minimum?.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        Description = description,
    };

    public static OpenApiSchema Number(double minimum, double maximum) => new()
    {
        Type = JsonSchemaType.Number,
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(CultureInfo.InvariantCulture),
    };

    public static OpenApiSchema Array(IOpenApiSchema items, int? minItems = 1, int? maxItems = null, string? description = null) => new()
    {
        Type = JsonSchemaType.Array,
        Items = items,
        MinItems = minItems,
        MaxItems = maxItems,
        Description = description,
    };

    /// <summary>An object whose members are added with <see cref="Required"/> and <see cref="Optional"/>.</summary>
    public static OpenApiSchema Object(string? description = null) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
        Required = new HashSet<string>(StringComparer.Ordinal),
    };

    /// <summary>An object the hub passes through with checks too varied to state here; the description says where they are.</summary>
    public static OpenApiSchema OpenObject(string description) => new() { Type = JsonSchemaType.Object, Description = description };

    public static OpenApiSchema Required(this OpenApiSchema obj, string name, IOpenApiSchema member)
    {
        obj.Properties![name] = member;
        obj.Required!.Add(name);
        return obj;
    }

    public static OpenApiSchema Optional(this OpenApiSchema obj, string name, IOpenApiSchema member)
    {
        obj.Properties![name] = member;
        return obj;
    }

    public static OpenApiSchema Member(this OpenApiSchema obj, string name, IOpenApiSchema member, bool required) =>
        required ? obj.Required(name, member) : obj.Optional(name, member);

    public static OpenApiSchema Describe(this OpenApiSchema schema, string description)
    {
        schema.Description = description;
        return schema;
    }

    /// <summary>
    /// Power Automate's field visibility (<c>x-ms-visibility</c>: <c>important</c> shows the field first, <c>advanced</c>
    /// hides it behind "Show advanced options"); other tools ignore it.
    /// </summary>
    public static OpenApiSchema Visibility(this OpenApiSchema schema, string visibility)
    {
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        schema.Extensions["x-ms-visibility"] = new JsonNodeExtension(JsonValue.Create(visibility));
        return schema;
    }
}
