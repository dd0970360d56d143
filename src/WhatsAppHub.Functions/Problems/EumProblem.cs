using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// What the caller is told when EUM refuses or does not answer: the HTTP status that fits the cause
/// (the hub's credentials → 502, throttling → 503, the message itself → 422), EUM's error type and request id,
/// and whether trying again can help. The same facts are stored on the MESSAGE row.
/// </summary>
public sealed record EumProblem(int Status, string Slug, string Title, string ErrorType, string Detail, bool Retryable, string? RequestId)
{
    public static EumProblem From(Exception exception) => exception switch
    {
        SocialMessagingException e => FromService(e),
        AmazonServiceException e => new(StatusCodes.Status502BadGateway, "eum-error", "EUM refused the call.",
            e.ErrorCode ?? "Unknown", e.Message, Retryable: false, e.RequestId),
        _ => new(StatusCodes.Status504GatewayTimeout, "eum-unreachable", "EUM did not answer.", "Unreachable",
            $"The call to EUM did not complete ({exception.GetType().Name}); the message may or may not have been sent.",
            Retryable: true, RequestId: null),
    };

    private static EumProblem FromService(SocialMessagingException e) => e.ErrorType switch
    {
        SocialMessagingErrorType.InvalidSignature or SocialMessagingErrorType.UnrecognizedClient or
        SocialMessagingErrorType.MissingAuthenticationToken or SocialMessagingErrorType.AccessDenied =>
            new(StatusCodes.Status502BadGateway, "eum-credentials", "EUM refused the hub's AWS credentials.", e.ErrorType.ToString(),
                $"EUM answered {e.ErrorType}: {e.Message} Check Eum__AccessKeyId and Eum__SecretAccessKey (or Eum__RoleArn).",
                e.IsRetryable, e.RequestId),
        SocialMessagingErrorType.Throttled =>
            new(StatusCodes.Status503ServiceUnavailable, "eum-throttled", "EUM is throttling the hub.", e.ErrorType.ToString(), e.Message, true, e.RequestId),
        SocialMessagingErrorType.InvalidParameters or SocialMessagingErrorType.Validation or
        SocialMessagingErrorType.ResourceNotFound or SocialMessagingErrorType.LimitExceeded =>
            new(StatusCodes.Status422UnprocessableEntity, "eum-rejected", "EUM rejected the message.", e.ErrorType.ToString(), e.Message, false, e.RequestId),
        _ => new(StatusCodes.Status502BadGateway, "eum-error", "EUM could not complete the call.", e.ErrorType.ToString(), e.Message, e.IsRetryable, e.RequestId),
    };

    public IResult ToResult(string messageId) =>
        Results.Problem(type: HubProblems.TypeUri(Slug), title: Title, statusCode: Status, detail: Detail,
            extensions: new Dictionary<string, object?>
            {
                ["messageId"] = messageId,
                ["eumErrorType"] = ErrorType,
                ["eumRequestId"] = RequestId,
                ["retryable"] = Retryable,
            });
}
