using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Validation;

/// <summary>Parses a request body into a JSON object without ever throwing: bad input becomes a <see cref="ValidationError"/>.</summary>
public static class JsonBody
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>The parsed object, or null with an error at <c>$</c> saying why (<c>json</c>: not JSON; <c>type</c>: not an object).</summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8Json, ValidationErrors errors)
    {
        // JsonNode decodes strings lazily, so bad UTF-8 or an escaped lone surrogate would surface later as an
        // exception: refuse them up front.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json) || HasInvalidEscapedText(utf8Json))
        {
            errors.Add(JsonPath.Root, "json", "The body is not valid UTF-8 JSON text.");
            return null;
        }
        try
        {
            if (JsonNode.Parse(utf8Json, documentOptions: ParseOptions) is JsonObject body) return body;
            errors.Add(JsonPath.Root, "type", "The body must be a JSON object.");
            return null;
        }
        catch (JsonException e)
        {
            errors.Add(JsonPath.Root, "json", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
            return null;
        }
    }

    private static bool HasInvalidEscapedText(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = ParseOptions.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                    reader.GetString();
            }
            return false;
        }
        catch (JsonException)
        {
            return false; // malformed structure: JsonNode.Parse reports it with its position
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
