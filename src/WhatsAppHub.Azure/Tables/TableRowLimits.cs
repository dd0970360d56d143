namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// The limits Table Storage enforces on an entity, checked before sending so a violation names the
/// property instead of coming back as a generic 400 (and nothing is ever silently dropped).
/// </summary>
public static class TableRowLimits
{
    /// <summary>255 properties including PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>Edm.String is UTF-16 and at most 64 KiB, i.e. 32K characters.</summary>
    public const int MaxStringLength = 32 * 1024;

    public const int MaxBinaryLength = 64 * 1024;

    public const int MaxEntitySize = 1024 * 1024;

    /// <summary>PartitionKey and RowKey: up to 1 KiB.</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Edm.DateTime starts at 1601-01-01 UTC.</summary>
    public static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <exception cref="TableRowValidationException">A limit is broken.</exception>
    public static void Validate(TableRow row)
    {
        ValidateKey(nameof(TableRow.PartitionKey), row.PartitionKey);
        ValidateKey(nameof(TableRow.RowKey), row.RowKey);

        int count = row.Count(p => p.Value is not null);
        if (count > MaxCustomProperties)
        {
            throw new TableRowValidationException(null,
                $"Table row ({row.PartitionKey}, {row.RowKey}) has {count} properties; Table Storage allows {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.");
        }

        foreach (var (name, value) in row)
        {
            switch (value)
            {
                case string s when s.Length > MaxStringLength:
                    throw new TableRowValidationException(name,
                        $"Table property '{name}' is a string of {s.Length} characters; Table Storage allows {MaxStringLength}.");
                case byte[] b when b.Length > MaxBinaryLength:
                    throw new TableRowValidationException(name,
                        $"Table property '{name}' is {b.Length} bytes of binary; Table Storage allows {MaxBinaryLength}.");
                case DateTimeOffset d when d < MinDateTime:
                    throw new TableRowValidationException(name,
                        $"Table property '{name}' is {d:O}; Table Storage dates start at 1601-01-01 UTC.");
            }
        }

        long size = EstimateSize(row);
        if (size > MaxEntitySize)
        {
            string largest = row.Where(p => p.Value is not null).MaxBy(p => PropertySize(p.Key, p.Value!)).Key;
            throw new TableRowValidationException(largest,
                $"Table row ({row.PartitionKey}, {row.RowKey}) is about {size} bytes; Table Storage allows {MaxEntitySize}. The largest property is '{largest}'.");
        }
    }

    /// <summary>Checks a PartitionKey or RowKey: length and the characters the service forbids.</summary>
    public static void ValidateKey(string propertyName, string key)
    {
        ArgumentNullException.ThrowIfNull(key, propertyName);
        if (key.Length > MaxKeyLength)
        {
            throw new TableRowValidationException(propertyName, $"{propertyName} is {key.Length} characters; Table Storage allows {MaxKeyLength}.");
        }

        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                throw new TableRowValidationException(propertyName,
                    $"{propertyName} contains U+{(int)c:X4} at position {i}, which Table Storage forbids in keys; escape ids with StorageKey.Escape.");
            }
        }
    }

    /// <summary>
    /// The service's documented size estimate: 4 bytes + 2 per key character, and per property
    /// 8 bytes + 2 per name character + the value (string 4 + 2 per char, binary 4 + length,
    /// Int32 4, Int64/Double/DateTime 8, Guid 16, Boolean 1).
    /// </summary>
    public static long EstimateSize(TableRow row) =>
        4L + (row.PartitionKey.Length * 2L) + (row.RowKey.Length * 2L)
        + row.Where(p => p.Value is not null).Sum(p => PropertySize(p.Key, p.Value!));

    private static long PropertySize(string name, object value) => 8L + (name.Length * 2L) + value switch
    {
        string s => 4L + (s.Length * 2L),
        byte[] b => 4L + b.Length,
        int => 4,
        long or double or DateTimeOffset => 8,
        Guid => 16,
        bool => 1,
        _ => 0,
    };
}
