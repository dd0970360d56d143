using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Tables;

/// <summary>The entity changed since it was read: its ETag no longer matches If-Match (412).</summary>
/// <remarks>A <see cref="StorageRequestException"/>, so one catch handles every service failure.</remarks>
public sealed class TableConcurrencyException : StorageRequestException
{
    public TableConcurrencyException(string? errorCode, string? requestId, string message)
        : base(412, errorCode, requestId, message)
    {
    }
}
