namespace WhatsAppHub.Azure.Tables;

/// <summary>Builds OData filter fragments with correctly quoted literals (ids may contain quotes).</summary>
public static class TableFilter
{
    /// <summary>A string literal: wrapped in single quotes, inner quotes doubled.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    public static string Equal(string property, string value) => $"{property} eq {Quote(value)}";

    /// <summary><c>property ge from and property lt to</c>: the range form of "starts with" that Tables supports.</summary>
    public static string Range(string property, string fromInclusive, string toExclusive) =>
        $"{property} ge {Quote(fromInclusive)} and {property} lt {Quote(toExclusive)}";

    /// <summary>The range of keys starting with <paramref name="prefix"/>.</summary>
    public static string StartsWith(string property, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        // The smallest string greater than every string with this prefix: bump the last character.
        string upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return Range(property, prefix, upper);
    }
}
