using System.Net;
using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>
/// An error answer from AWS End User Messaging Social (or AWS's front door in front of it).
/// </summary>
public sealed class SocialMessagingException : AmazonServiceException
{
    public SocialMessagingException(
        string message,
        SocialMessagingErrorType errorType,
        string? errorCode,
        string? requestId,
        HttpStatusCode statusCode,
        Exception? innerException = null)
        : base(message, innerException, (int)statusCode >= 500 ? Amazon.Runtime.ErrorType.Receiver : Amazon.Runtime.ErrorType.Sender,
               errorCode, requestId, statusCode)
    {
        ErrorType = errorType;
    }

    /// <summary>
    /// The EUM error type. Hides <see cref="AmazonServiceException.ErrorType"/> (the SDK's
    /// sender/receiver split), which stays reachable through the base type.
    /// </summary>
    public new SocialMessagingErrorType ErrorType { get; }

    /// <summary>True for the types the model marks retryable: Throttled, InternalService, Dependency.</summary>
    public bool IsRetryable => ErrorTypes.IsRetryable(ErrorType);

    /// <summary>
    /// Tells the SDK's retry policy that this failure may be retried (and whether it is throttling),
    /// so a 429 ThrottledRequestException is retried even though its name is not on the SDK's own list.
    /// </summary>
    public override RetryableDetails? Retryable =>
        IsRetryable ? new RetryableDetails(throttling: ErrorType == SocialMessagingErrorType.Throttled) : null;
}
