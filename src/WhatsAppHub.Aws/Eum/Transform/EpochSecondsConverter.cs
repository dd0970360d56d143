using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// restJson1 timestamps without a timestampFormat trait are epoch seconds as a JSON number, possibly
/// with a fraction. Read through decimal so fractions keep their digits down to a tick.
/// </summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    private const decimal TicksPerSecond = TimeSpan.TicksPerSecond;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException($"Expected epoch seconds as a JSON number, got {reader.TokenType}.");
        return FromEpochSeconds(reader.GetDecimal());
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteRawValue(ToEpochSeconds(value).ToString(CultureInfo.InvariantCulture), skipInputValidation: true);

    public static DateTimeOffset FromEpochSeconds(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TicksPerSecond));

    public static decimal ToEpochSeconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerSecond;
}
