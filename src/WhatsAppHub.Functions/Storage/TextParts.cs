using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Functions.Storage;

/// <summary>
/// Long text in a row: a string property holds 32K characters (64 KB), so text is kept in parts <c>{name}0</c>,
/// <c>{name}1</c>, … with <c>{name}Parts</c> and <c>{name}Length</c>. Beyond <paramref name="maxParts"/> parts the start is
/// kept and <c>{name}Truncated</c> set: trimmed and said so, never silently dropped.
/// </summary>
public static class TextParts
{
    public const int PartLength = TableRowLimits.MaxStringLength;

    public static void Set(TableRow row, string name, string text, int maxParts)
    {
        row.Set(name + "Length", text.Length);
        var parts = 0;
        var offset = 0;
        while (offset < text.Length && parts < maxParts)
        {
            var length = Math.Min(PartLength, text.Length - offset);
            // Never cut a surrogate pair in two: each part must be a valid string on its own.
            if (offset + length < text.Length && char.IsHighSurrogate(text[offset + length - 1])) length--;
            row.Set(name + parts, text.Substring(offset, length));
            offset += length;
            parts++;
        }
        row.Set(name + "Parts", parts);
        if (offset < text.Length) row.Set(name + "Truncated", true);
    }

    /// <summary>The parts joined in order, and whether the text was trimmed when stored.</summary>
    public static (string Text, bool Truncated) Get(TableRow row, string name)
    {
        var parts = row.GetInt32(name + "Parts") ?? 0;
        return (string.Concat(Enumerable.Range(0, parts).Select(i => row.GetString(name + i))), row.GetBoolean(name + "Truncated") == true);
    }
}
