using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform;

internal static class ResponseJson
{
    public const string RequestIdHeader = "x-amzn-RequestId";

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>
    /// Parses a response body; an empty one (the four member-less outputs may come back so) reads as <c>{}</c>.
    /// </summary>
    public static JsonDocument Parse(Stream? stream)
    {
        if (stream is null) return JsonDocument.Parse(EmptyObject);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        return bytes.Span.Trim(" \t\r\n"u8).IsEmpty ? JsonDocument.Parse(EmptyObject) : JsonDocument.Parse(bytes.ToArray());
    }
}
