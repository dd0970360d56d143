using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// Writes the members of a restJson1 request body. Every method skips an unset (null) value, because
/// restJson1 leaves unset members out rather than sending null.
/// </summary>
internal sealed class JsonBodyWriter(Utf8JsonWriter writer)
{
    public void String(string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    public void Boolean(string name, bool? value)
    {
        if (value is { } v) writer.WriteBoolean(name, v);
    }

    public void Integer(string name, int? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
    }

    /// <summary>A blob member: base64 of the raw bytes.</summary>
    public void Blob(string name, byte[]? value)
    {
        if (value is not null) writer.WriteBase64String(name, value);
    }

    /// <summary>A structure, list or map member, written with <see cref="EumJson.Options"/>.</summary>
    public void Shape<T>(string name, T? value) where T : class
    {
        if (value is null) return;
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, EumJson.Options);
    }
}
