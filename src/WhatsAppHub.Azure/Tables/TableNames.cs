using System.Text.RegularExpressions;

namespace WhatsAppHub.Azure.Tables;

/// <summary>Table name rules: 3-63 letters and digits, starting with a letter, not "tables".</summary>
internal static partial class TableNames
{
    public static string Validate(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!Pattern().IsMatch(tableName) || tableName.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name: 3-63 letters and digits, starting with a letter.", nameof(tableName));
        }

        return tableName;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex Pattern();
}
