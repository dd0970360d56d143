namespace WhatsAppHub.Azure.Storage;

/// <summary>The <c>Key=Value;</c> pairs of a storage connection string, keys case-insensitive.</summary>
internal sealed class ConnectionStringSettings
{
    private readonly Dictionary<string, string> _values;

    private ConnectionStringSettings(Dictionary<string, string> values) => _values = values;

    public static ConnectionStringSettings Parse(string connectionString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string segment in connectionString.Split(';'))
        {
            string trimmed = segment.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            // Split at the first '=' only: account keys end in '=' padding.
            int equals = trimmed.IndexOf('=');
            if (equals <= 0)
            {
                // Only the text before any '=' is named, so a stray key fragment is never echoed.
                throw new FormatException("Storage connection string: every part must be 'Name=Value'.");
            }

            string name = trimmed[..equals].Trim();
            string value = trimmed[(equals + 1)..].Trim();
            if (!values.TryAdd(name, value))
            {
                throw new FormatException($"Storage connection string: '{name}' appears more than once.");
            }
        }

        if (values.Count == 0)
        {
            throw new FormatException("Storage connection string is empty.");
        }

        return new ConnectionStringSettings(values);
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    public bool TryGet(string name, out string value)
    {
        if (_values.TryGetValue(name, out string? found) && found.Length > 0)
        {
            value = found;
            return true;
        }

        value = "";
        return false;
    }

    public string Require(string name) =>
        TryGet(name, out string value) ? value : throw new FormatException($"Storage connection string: {name} is missing.");

    public string GetOrDefault(string name, string fallback) => TryGet(name, out string value) ? value : fallback;
}
