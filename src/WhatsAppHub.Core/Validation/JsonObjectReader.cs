using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Validation;

/// <summary>
/// Parses a small JSON request body that must be an object, recording why when it is not, and never throwing for
/// bad input: invalid UTF-8 and escaped lone surrogates (which JsonNode would only trip over later, when a string is
/// read) are refused up front.
/// </summary>
public static class JsonObjectReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    public static JsonObject? Read(ReadOnlySpan<byte> utf8Json, ValidationErrors errors)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json) || HasInvalidEscapedText(utf8Json))
        {
            errors.Add(JsonPath.Root, "json", "The body is not valid UTF-8 JSON text.");
            return null;
        }
        try
        {
            if (JsonNode.Parse(utf8Json, documentOptions: Options) is JsonObject body) return body;
            errors.Add(JsonPath.Root, "type", "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            errors.Add(JsonPath.Root, "json", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        return null;
    }

    private static bool HasInvalidEscapedText(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = Options.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped) reader.GetString();
            }
            return false;
        }
        catch (JsonException)
        {
            return false; // malformed structure: the parse reports it with its position
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }
}
