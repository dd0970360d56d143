using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// How nested shapes travel in restJson1: member names as in the model (the camelCase of our property
/// names), unset members left out, map keys untouched (a presigned URL's "Content-Type" header stays so),
/// blobs as base64 (System.Text.Json's own byte[] form).
/// </summary>
internal static class EumJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
        // Our shapes mark model-required members C# `required` so the hub cannot forget them when it
        // builds a request; an answer that lacks one should still read, so reading does not enforce it.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IgnoreRequiredOnRead } },
    };

    private static void IgnoreRequiredOnRead(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties) property.IsRequired = false;
    }
}
