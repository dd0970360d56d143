using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Tracks ids or titles that must be unique within a message and records each repeat at its own path.</summary>
public sealed class DistinctValues(string what)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Check(string? value, string path, ValidationErrors errors)
    {
        if (value is null) return;
        if (!_seen.Add(value)) errors.Add(path, "unique", $"Each {what} must be unique in the message; \"{Shorten(value)}\" is repeated.");
    }

    // Cut on a character boundary so the message never holds half a surrogate pair.
    private static string Shorten(string value) =>
        value.Length <= 40 ? value : value[..(char.IsHighSurrogate(value[39]) ? 39 : 40)] + "…";
}
