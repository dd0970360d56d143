using System.Globalization;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// Adds httpQuery-bound members under their wire names; unset members are left out. The SDK
/// percent-encodes the values when it composes the URL.
/// </summary>
internal readonly struct QueryWriter(IDictionary<string, string> parameters)
{
    public void String(string wireName, string? value)
    {
        if (value is not null) parameters[wireName] = value;
    }

    public void Boolean(string wireName, bool? value)
    {
        if (value is { } v) parameters[wireName] = v ? "true" : "false";
    }

    public void Integer(string wireName, int? value)
    {
        if (value is { } v) parameters[wireName] = v.ToString(CultureInfo.InvariantCulture);
    }
}
