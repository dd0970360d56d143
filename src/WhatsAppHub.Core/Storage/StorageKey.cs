using System.Globalization;
using System.Text;

namespace WhatsAppHub.Core.Storage;

/// <summary>
/// Builds Table Storage PartitionKey / RowKey values from ids.
/// </summary>
/// <remarks>
/// Table Storage rejects <c>/</c>, <c>\</c>, <c>#</c>, <c>?</c> and control characters in keys, and
/// WhatsApp ids can contain <c>/</c>, <c>+</c> and <c>=</c>. We use <c>|</c> as the separator between
/// key parts, so every id placed in a key is percent-escaped for exactly those characters plus
/// <c>%</c> (the escape itself) and <c>|</c>. Everything else is kept as-is so keys stay readable in
/// Storage Explorer and keep the natural sort order of the ids.
/// The escape is <c>%XX</c> with the UTF-16 code unit in two upper-case hex digits: every escaped
/// character is below U+0100, so two digits always suffice.
/// </remarks>
public static class StorageKey
{
    /// <summary>The separator between the parts of a composed key.</summary>
    public const char Separator = '|';

    /// <summary>Escapes an id so it can be placed in a key (and split again at <see cref="Separator"/>).</summary>
    public static string Escape(string id)
    {
        ArgumentNullException.ThrowIfNull(id);

        int first = IndexOfEscaped(id);
        if (first < 0)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        builder.Append(id, 0, first);
        for (int i = first; i < id.Length; i++)
        {
            char c = id[i];
            if (MustEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/>.</summary>
    /// <exception cref="FormatException">A <c>%</c> is not followed by two hex digits.</exception>
    public static string Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);

        int first = escaped.IndexOf('%');
        if (first < 0)
        {
            return escaped;
        }

        var builder = new StringBuilder(escaped.Length);
        builder.Append(escaped, 0, first);
        for (int i = first; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (c != '%')
            {
                builder.Append(c);
                continue;
            }

            if (i + 2 >= escaped.Length
                || !int.TryParse(escaped.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                throw new FormatException($"Invalid escape sequence at position {i} of a storage key part.");
            }

            builder.Append((char)code);
            i += 2;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Joins key parts with <c>|</c>: the first part (the item-type prefix such as <c>MSG</c> or
    /// <c>CONV</c>) is used as-is, every other part is escaped.
    /// <c>Compose("CONV", phoneId, waId)</c> gives <c>CONV|{phoneId}|{waId}</c>.
    /// </summary>
    public static string Compose(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("At least the key prefix is required.", nameof(parts));
        }

        string prefix = parts[0] ?? throw new ArgumentException("The key prefix is null.", nameof(parts));
        // The prefix is a constant chosen by us; refusing anything that would need escaping keeps
        // Split() unambiguous and catches an id passed by mistake in the prefix position.
        if (IndexOfEscaped(prefix) >= 0)
        {
            throw new ArgumentException($"The key prefix '{prefix}' contains a character that would need escaping.", nameof(parts));
        }

        var builder = new StringBuilder(prefix);
        for (int i = 1; i < parts.Length; i++)
        {
            string part = parts[i] ?? throw new ArgumentException($"Key part {i} is null.", nameof(parts));
            builder.Append(Separator).Append(Escape(part));
        }

        return builder.ToString();
    }

    /// <summary>Splits a key built by <see cref="Compose"/> back into its unescaped parts.</summary>
    public static string[] Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        string[] parts = key.Split(Separator);
        for (int i = 1; i < parts.Length; i++)
        {
            parts[i] = Unescape(parts[i]);
        }

        return parts;
    }

    /// <summary>
    /// A RowKey that sorts newest first (Table Storage returns rows in ascending key order): the ticks
    /// left until <see cref="DateTimeOffset.MaxValue"/>, zero-padded to 19 digits so string order is
    /// numeric order.
    /// </summary>
    public static string DescendingTimeKey(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>True for the characters <see cref="Escape"/> replaces.</summary>
    public static bool MustEscape(char c) =>
        c is '%' or Separator or '/' or '\\' or '#' or '?'
        || c <= '\u001F'
        || c is >= '\u007F' and <= '\u009F';

    private static int IndexOfEscaped(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (MustEscape(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// FNV-1a over the UTF-16 code units: stable across processes and versions (unlike <c>string.GetHashCode</c>), so
    /// every instance spreads one id over the same partition.
    /// </summary>
    public static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}
