using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// One entity of a table: its keys, its ETag and Timestamp as the service reported them, and its
/// typed properties. Supported property types are the Table Storage types: <see cref="string"/>,
/// <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/> (a <see cref="DateTime"/> is stored as one), <see cref="Guid"/> and
/// <c>byte[]</c>.
/// </summary>
/// <remarks>
/// Table Storage has no null values: a property set to null is simply not sent, so it is absent
/// after a Replace and left unchanged by a Merge.
/// </remarks>
public sealed class TableRow : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    public TableRow(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    /// <summary>The entity's version as of the last read or write; pass it as If-Match to update safely.</summary>
    public string? ETag { get; set; }

    /// <summary>The service's last-modified time (read-only on the service side; never sent).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The number of custom properties (keys and Timestamp not included).</summary>
    public int Count => _properties.Count;

    /// <summary>The custom property names.</summary>
    public IEnumerable<string> Names => _properties.Keys;

    /// <summary>Gets a property's value (null when absent) or sets it like <see cref="Set"/>.</summary>
    public object? this[string name]
    {
        get => _properties.TryGetValue(name, out object? value) ? value : null;
        set => Set(name, value);
    }

    /// <summary>Sets a property; returns this row so calls can be chained.</summary>
    /// <exception cref="ArgumentException">The name is not a valid property name or the value's type is not a Table Storage type.</exception>
    public TableRow Set(string name, object? value)
    {
        TablePropertyNames.Validate(name);
        _properties[name] = Normalize(name, value);
        return this;
    }

    public bool Remove(string name) => _properties.Remove(name);

    public bool Contains(string name) => _properties.ContainsKey(name);

    public bool TryGetValue(string name, [NotNullWhen(true)] out object? value) =>
        _properties.TryGetValue(name, out value) && value is not null;

    public string? GetString(string name) => Get<string>(name);

    public int? GetInt32(string name) => this[name] switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw WrongType(name, other, "Int32"),
    };

    public long? GetInt64(string name) => this[name] switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw WrongType(name, other, "Int64"),
    };

    /// <summary>A Double; an integral value the service sent without a type annotation is widened.</summary>
    public double? GetDouble(string name) => this[name] switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw WrongType(name, other, "Double"),
    };

    public bool? GetBoolean(string name) => GetValue<bool>(name);

    public DateTimeOffset? GetDateTimeOffset(string name) => GetValue<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => GetValue<Guid>(name);

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Set without validation: used by the reader for names the service sent.
    internal void SetFromService(string name, object? value) => _properties[name] = value;

    private T? Get<T>(string name) where T : class => this[name] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(name, other, typeof(T).Name),
    };

    private T? GetValue<T>(string name) where T : struct => this[name] switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(name, other, typeof(T).Name),
    };

    private static InvalidCastException WrongType(string name, object value, string wanted) =>
        new($"Table property '{name}' holds a {value.GetType().Name}, not a {wanted}.");

    private static object? Normalize(string name, object? value) => value switch
    {
        null or string or int or long or double or bool or DateTimeOffset or Guid or byte[] => value,
        // Unspecified kind is taken as UTC: storage only keeps UTC instants, and guessing the
        // machine's zone would make the stored value depend on where the code ran.
        DateTime dateTime => dateTime.Kind == DateTimeKind.Unspecified
            ? new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc))
            : new DateTimeOffset(dateTime.ToUniversalTime()),
        _ => throw new ArgumentException(
            $"Table property '{name}' has type {value.GetType().Name}; Table Storage stores string, int, long, double, bool, DateTimeOffset/DateTime, Guid and byte[].",
            nameof(value)),
    };
}
