using System.Text.Encodings.Web;
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
    /// <summary>
    /// Escape only what JSON requires (quotes, backslash, control characters), as the official JS client's
    /// JSON.stringify does, instead of System.Text.Json's HTML-safe default that turns "+" or "é" into \u escapes.
    /// The body is never embedded in HTML, so the HTML-safety the default buys is not needed here.
    /// </summary>
    public static readonly JavaScriptEncoder BodyEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = false,
        Encoder = BodyEncoder,
        // Our shapes mark model-required members C# `required` so the hub cannot forget them when it
        // builds a request; an answer that lacks one should still read, so reading does not enforce it.
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IgnoreRequiredOnRead } },
    };

    private static void IgnoreRequiredOnRead(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties) property.IsRequired = false;
    }
}
