namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// A Table or Queue service request that the service refused or failed. Carries what is needed to
/// act on it and to find it in the service's logs, and never any credential.
/// </summary>
public class StorageRequestException : Exception
{
    public StorageRequestException(int status, string? errorCode, string? requestId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>The HTTP status, e.g. 403, 404, 409, 412.</summary>
    public int Status { get; }

    /// <summary>The service's error code (<c>x-ms-error-code</c> or the body), e.g. <c>EntityAlreadyExists</c>.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's <c>x-ms-request-id</c>.</summary>
    public string? RequestId { get; }
}
