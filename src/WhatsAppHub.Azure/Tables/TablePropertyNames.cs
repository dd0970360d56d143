namespace WhatsAppHub.Azure.Tables;

/// <summary>Property-name rules of Table Storage: C# identifier characters, at most 255 of them.</summary>
internal static class TablePropertyNames
{
    public const int MaxLength = 255;

    // The system properties are set through TableRow's own members; allowing them as custom
    // properties would send them twice.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "PartitionKey", "RowKey", "Timestamp", "ETag" };

    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxLength)
        {
            throw new ArgumentException($"Table property name '{Shorten(name)}' must be 1 to {MaxLength} characters.", nameof(name));
        }

        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"Table property name '{name}' is reserved; use the TableRow member of that name.", nameof(name));
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Table property name '{Shorten(name)}' must start with a letter or '_' and hold only letters, digits and '_'.", nameof(name));
        }
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "...";
}
