namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// A row breaks a Table Storage limit (property count, string or binary size, entity size, key
/// characters). Raised before anything is sent, naming the offending property.
/// </summary>
public sealed class TableRowValidationException : ArgumentException
{
    public TableRowValidationException(string? propertyName, string message)
        : base(message)
    {
        PropertyName = propertyName;
    }

    /// <summary>The property at fault (<c>PartitionKey</c>/<c>RowKey</c> for key problems), or null for whole-entity limits.</summary>
    public string? PropertyName { get; }
}
