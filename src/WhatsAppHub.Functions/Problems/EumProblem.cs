using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// What the caller is told when EUM refuses or does not answer: the HTTP status that fits the cause
/// (the hub's credentials → 502, throttling → 503, the message itself → 422, no answer → 504), EUM's error type
/// and request id, and whether trying again can help. The same facts are stored on the MESSAGE row, and a stored
/// error gives back the same problem.
/// </summary>
public sealed record EumProblem(int Status, string Slug, string Title, string ErrorType, string Detail, bool Retryable, string? RequestId)
{
    /// <summary>The error type recorded when a call went out and no answer came.</summary>
    public const string Unreachable = "Unreachable";

    /// <summary>The error type recorded when no answer came and no status webhook told whether the message went out.</summary>
    public const string OutcomeUnknown = "OutcomeUnknown";

    public static EumProblem From(Exception exception) => exception switch
    {
        SocialMessagingException e => ForType(e.ErrorType.ToString(), e.Message, e.IsRetryable, e.RequestId),
        AmazonServiceException e => new(StatusCodes.Status502BadGateway, "eum-error", "EUM refused the call.",
            e.ErrorCode ?? "Unknown", e.Message, Retryable: (int)e.StatusCode >= 500, e.RequestId),
        _ => ForType(Unreachable,
            $"The call to EUM did not complete ({exception.GetType().Name}); the message may or may not have been sent.", true, null),
    };

    /// <summary>The problem for an error stored on a failed MESSAGE row.</summary>
    public static EumProblem From(MessageError error) => ForType(error.Type, error.Detail, error.Retryable, null);

    private static EumProblem ForType(string errorType, string detail, bool retryable, string? requestId)
    {
        if (MetaError.FindCode(detail) == MetaError.ReEngagement)
            return new(StatusCodes.Status422UnprocessableEntity, "service-window-closed", "The contact's 24-hour window is closed.", errorType,
                detail + " Send an approved template instead.", false, requestId);
        return errorType switch
        {
            nameof(SocialMessagingErrorType.InvalidSignature) or nameof(SocialMessagingErrorType.UnrecognizedClient) or
            nameof(SocialMessagingErrorType.MissingAuthenticationToken) or nameof(SocialMessagingErrorType.AccessDenied) =>
                new(StatusCodes.Status502BadGateway, "eum-credentials", "EUM refused the hub's AWS credentials.", errorType,
                    $"EUM answered {errorType}: {detail} Check Eum__AccessKeyId and Eum__SecretAccessKey (or Eum__RoleArn).", retryable, requestId),
            nameof(SocialMessagingErrorType.Throttled) =>
                new(StatusCodes.Status503ServiceUnavailable, "eum-throttled", "EUM is throttling the hub.", errorType, detail, retryable, requestId),
            nameof(SocialMessagingErrorType.InvalidParameters) or nameof(SocialMessagingErrorType.Validation) or
            nameof(SocialMessagingErrorType.ResourceNotFound) or nameof(SocialMessagingErrorType.LimitExceeded) =>
                new(StatusCodes.Status422UnprocessableEntity, "eum-rejected", "EUM rejected the message.", errorType, detail, retryable, requestId),
            Unreachable =>
                new(StatusCodes.Status504GatewayTimeout, "eum-unreachable", "EUM did not answer.", errorType, detail, retryable, requestId),
            OutcomeUnknown =>
                new(StatusCodes.Status504GatewayTimeout, "outcome-unknown", "It is not known whether the message was sent.", errorType,
                    detail + " Check with the contact before sending it again.", retryable, requestId),
            _ => new(StatusCodes.Status502BadGateway, "eum-error", "EUM could not complete the call.", errorType, detail, retryable, requestId),
        };
    }

    public IResult ToResult(string messageId) => ToResult(new Dictionary<string, object?> { ["messageId"] = messageId });

    /// <summary>The problem for a call that is not about one message (media uploads and deletes).</summary>
    public IResult ToResult() => ToResult(new Dictionary<string, object?>());

    private IResult ToResult(Dictionary<string, object?> extensions)
    {
        extensions["eumErrorType"] = ErrorType;
        extensions["eumRequestId"] = RequestId;
        extensions["retryable"] = Retryable;
        return Results.Problem(type: HubProblems.TypeUri(Slug), title: Title, statusCode: Status, detail: Detail, extensions: extensions);
    }
}
