using System.Net;
using System.Net.Sockets;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Functions.Messaging.Outbound;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>Which failures are retried, which fail at once, and which must be reconciled before any new attempt.</summary>
public class SendFailureTests
{
    [Theory]
    [InlineData(SocialMessagingErrorType.Throttled, HttpStatusCode.TooManyRequests, SendFailureKind.Retryable)]
    [InlineData(SocialMessagingErrorType.InternalService, HttpStatusCode.InternalServerError, SendFailureKind.Retryable)]
    [InlineData(SocialMessagingErrorType.Dependency, HttpStatusCode.BadGateway, SendFailureKind.Retryable)]
    [InlineData(SocialMessagingErrorType.Validation, HttpStatusCode.BadRequest, SendFailureKind.Permanent)]
    [InlineData(SocialMessagingErrorType.AccessDeniedByMeta, HttpStatusCode.Forbidden, SendFailureKind.Permanent)]
    [InlineData(SocialMessagingErrorType.InvalidSignature, HttpStatusCode.Forbidden, SendFailureKind.Permanent)]
    public void Eum_errors_follow_their_type(SocialMessagingErrorType type, HttpStatusCode status, SendFailureKind kind) =>
        Assert.Equal(kind, SendFailure.Classify(Eum(type, status, "refused")).Kind);

    [Fact]
    public void A_retryable_meta_code_is_retried_even_inside_a_validation_error_and_the_pair_limit_blocks_the_recipient()
    {
        var failure = SendFailure.Classify(Eum(SocialMessagingErrorType.Validation, HttpStatusCode.BadRequest, "(#131056) Pair rate limit hit"));

        Assert.Equal(SendFailureKind.Retryable, failure.Kind);
        Assert.True(failure.BlocksRecipient);
        Assert.Equal("131056", failure.Error.Code);
        Assert.True(failure.MinimumDelay >= TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void A_permanent_meta_code_fails_at_once_with_its_code()
    {
        var failure = SendFailure.Classify(Eum(SocialMessagingErrorType.Validation, HttpStatusCode.BadRequest, "(#131026) Message undeliverable"));

        Assert.Equal(SendFailureKind.Permanent, failure.Kind);
        Assert.Equal("131026", failure.Error.Code);
        Assert.False(failure.Error.Retryable);
    }

    [Fact]
    public void A_meta_code_keeps_metas_title_and_a_transient_one_in_a_dependency_error_is_retried()
    {
        var closed = SendFailure.Classify(Eum(SocialMessagingErrorType.InvalidParameters, HttpStatusCode.BadRequest, "(#131047) Re-engagement message"));
        var busy = SendFailure.Classify(Eum(SocialMessagingErrorType.Dependency, HttpStatusCode.BadGateway, "(#131000) Something went wrong"));

        Assert.Equal("Re-engagement message", closed.Error.Title);
        Assert.Equal(SendFailureKind.Permanent, closed.Kind);
        Assert.Equal(SendFailureKind.Retryable, busy.Kind);
        Assert.Equal("131000", busy.Error.Code);
    }

    [Fact]
    public void A_time_out_is_ambiguous_because_the_request_may_have_gone_out() =>
        Assert.Equal(SendFailureKind.Ambiguous, SendFailure.Classify(new TaskCanceledException("timed out", new TimeoutException())).Kind);

    [Fact]
    public void A_reset_connection_is_ambiguous() =>
        Assert.Equal(SendFailureKind.Ambiguous, SendFailure.Classify(new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)))).Kind);

    [Fact]
    public void A_refused_connection_never_sent_anything_and_is_retried() =>
        Assert.Equal(SendFailureKind.Retryable, SendFailure.Classify(new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused))).Kind);

    private static SocialMessagingException Eum(SocialMessagingErrorType type, HttpStatusCode status, string message) =>
        new(message, type, type.ToString(), "req-1", status);
}
