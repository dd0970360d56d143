using System.Net.Sockets;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging.Outbound;

public enum SendFailureKind
{
    /// <summary>EUM answered with an error that another attempt can overcome; nothing was sent.</summary>
    Retryable,

    /// <summary>EUM answered with an error that will not change; the message fails now.</summary>
    Permanent,

    /// <summary>The request may have reached EUM but no answer came: sending again blindly could send twice.</summary>
    Ambiguous,
}

/// <summary>Why one send attempt failed, and what that means for the next one.</summary>
/// <param name="MinimumDelay">The least wait before trying again (a Meta code's own pace).</param>
/// <param name="BlocksRecipient">True for Meta's pair rate limit: other messages to the same contact should wait too.</param>
public sealed record SendFailure(SendFailureKind Kind, MessageError Error, TimeSpan MinimumDelay, bool BlocksRecipient)
{
    public static SendFailure Classify(Exception exception)
    {
        var problem = EumProblem.From(exception);
        var metaCode = MetaError.FindCode(exception.Message);
        var detail = problem.RequestId is { } id ? $"{problem.Detail} (EUM request {id})" : problem.Detail;

        if (exception is SocialMessagingException eum)
        {
            if (metaCode is { } code)
            {
                var retry = MetaError.IsRetryable(code, out var floor);
                // Meta's own title ("Re-engagement message") says more than EUM's error type, so it becomes the error's title.
                var error = ErrorFrom(problem, code, detail, retry) with { Title = MetaError.FindTitle(exception.Message) ?? problem.Title };
                return new(retry ? SendFailureKind.Retryable : SendFailureKind.Permanent, error, floor, code == MetaError.PairRateLimit);
            }
            return new(eum.IsRetryable ? SendFailureKind.Retryable : SendFailureKind.Permanent, ErrorFrom(problem, null, detail, eum.IsRetryable),
                eum.ErrorType == SocialMessagingErrorType.Throttled ? TimeSpan.FromMilliseconds(200) : TimeSpan.Zero, false);
        }
        if (problem.ErrorType != EumProblem.Unreachable)
            return new(problem.Retryable ? SendFailureKind.Retryable : SendFailureKind.Permanent, ErrorFrom(problem, metaCode, detail, problem.Retryable), TimeSpan.Zero, false);

        // No answer. Only a refused connection proves the request never left; anything else may have reached EUM.
        return NeverConnected(exception)
            ? new(SendFailureKind.Retryable, ErrorFrom(problem, null, "EUM refused the connection; nothing was sent.", true), TimeSpan.FromSeconds(1), false)
            : new(SendFailureKind.Ambiguous, ErrorFrom(problem, null, detail, true), TimeSpan.Zero, false);
    }

    private static MessageError ErrorFrom(EumProblem problem, int? metaCode, string detail, bool retryable) =>
        new(problem.ErrorType, metaCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Title, detail, retryable);

    private static bool NeverConnected(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NetworkUnreachable })
                return true;
        return false;
    }
}
