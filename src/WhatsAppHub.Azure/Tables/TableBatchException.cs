using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Tables;

/// <summary>An entity group transaction was refused; nothing of it was applied.</summary>
public sealed class TableBatchException : StorageRequestException
{
    public TableBatchException(int status, string? errorCode, string? requestId, int? failedActionIndex, string message)
        : base(status, errorCode, requestId, message)
    {
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The index (in the submitted list) of the action the service refused, when it said which.</summary>
    public int? FailedActionIndex { get; }
}
