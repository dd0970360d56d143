using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// The OData JSON form of an entity. Types JSON cannot carry by itself get an
/// <c>"Name@odata.type"</c> annotation: Edm.Int64 (as a string, so no precision is lost in
/// JavaScript-ish parsers), Edm.DateTime, Edm.Guid, Edm.Binary (base64) and Edm.Double (so an
/// integral double is not stored as Int32). Strings, Int32 and booleans are plain JSON.
/// </summary>
internal static class TableRowJson
{
    private const string TypeSuffix = "@odata.type";

    public static byte[] Serialize(TableRow row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, row);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, TableRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", row.PartitionKey);
        writer.WriteString("RowKey", row.RowKey);
        foreach (var (name, value) in row)
        {
            switch (value)
            {
                case null:
                    // Table Storage has no nulls; an absent property is the same thing.
                    break;
                case string s:
                    writer.WriteString(name, s);
                    break;
                case int i:
                    writer.WriteNumber(name, i);
                    break;
                case long l:
                    writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                    writer.WriteString(name + TypeSuffix, "Edm.Int64");
                    break;
                case double d:
                    if (double.IsFinite(d))
                    {
                        writer.WriteNumber(name, d);
                    }
                    else
                    {
                        // JSON has no NaN/Infinity literals; the service takes these strings.
                        writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                    }

                    writer.WriteString(name + TypeSuffix, "Edm.Double");
                    break;
                case bool b:
                    writer.WriteBoolean(name, b);
                    break;
                case DateTimeOffset t:
                    writer.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                    writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                    break;
                case Guid g:
                    writer.WriteString(name, g.ToString("D"));
                    writer.WriteString(name + TypeSuffix, "Edm.Guid");
                    break;
                case byte[] bytes:
                    writer.WriteBase64String(name, bytes);
                    writer.WriteString(name + TypeSuffix, "Edm.Binary");
                    break;
                default:
                    throw new InvalidOperationException($"Table property '{name}' has unsupported type {value.GetType().Name}.");
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads one entity of a minimal-metadata response.</summary>
    public static TableRow Read(JsonElement entity, string? etagHeader = null)
    {
        string partitionKey = entity.TryGetProperty("PartitionKey", out JsonElement pk) ? pk.GetString() ?? "" : "";
        string rowKey = entity.TryGetProperty("RowKey", out JsonElement rk) ? rk.GetString() ?? "" : "";
        var row = new TableRow(partitionKey, rowKey);

        foreach (JsonProperty property in entity.EnumerateObject())
        {
            string name = property.Name;
            if (name.Contains('@') || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                if (name == "odata.etag")
                {
                    row.ETag = property.Value.GetString();
                }

                continue;
            }

            switch (name)
            {
                case "PartitionKey" or "RowKey":
                    continue;
                case "Timestamp":
                    row.Timestamp = ParseDateTime(property.Value.GetString());
                    continue;
            }

            string? edmType = entity.TryGetProperty(name + TypeSuffix, out JsonElement annotation) ? annotation.GetString() : null;
            row.SetFromService(name, ReadValue(name, property.Value, edmType));
        }

        // A single-entity GET also returns the ETag as a header; prefer it (it is what If-Match wants).
        if (etagHeader is not null)
        {
            row.ETag = etagHeader;
        }

        return row;
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
            case "Edm.Int32":
                return value.ValueKind == JsonValueKind.String ? int.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt32();
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String ? ParseDoubleString(value.GetString()!) : value.GetDouble();
            case "Edm.DateTime":
                return ParseDateTime(value.GetString());
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Boolean":
                return value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean();
            case null or "Edm.String":
                break;
            default:
                throw new FormatException($"Table property '{name}' has unknown type '{edmType}'.");
        }

        // Without an annotation JSON decides: integral numbers that fit are Int32 (as the service
        // stores them), other numbers Double.
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt32(out int i) && IsIntegralLiteral(value) => i,
            JsonValueKind.Number => value.GetDouble(),
            _ => value.GetRawText(),
        };
    }

    private static bool IsIntegralLiteral(JsonElement value)
    {
        string raw = value.GetRawText();
        return raw.IndexOfAny(['.', 'e', 'E']) < 0;
    }

    private static double ParseDoubleString(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" or "INF" => double.PositiveInfinity,
        "-Infinity" or "-INF" => double.NegativeInfinity,
        _ => double.Parse(text, CultureInfo.InvariantCulture),
    };

    private static DateTimeOffset? ParseDateTime(string? text) =>
        text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
