using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>
/// The SDK's standard retry policy, except that operations marked <see cref="EumInvokeOptions.ClientMayRetry"/> = false
/// (SendWhatsAppMessage) are never resent: a send that failed ambiguously (5xx, dropped connection) may
/// already have reached WhatsApp, and only the hub's send governor, which keeps an idempotency record,
/// may decide to try again.
/// </summary>
internal sealed class SocialMessagingRetryPolicy(IClientConfig config) : StandardRetryPolicy(config)
{
    public override bool CanRetry(IExecutionContext executionContext) =>
        ClientMayRetry(executionContext) && base.CanRetry(executionContext);

    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        ClientMayRetry(executionContext) && (IsModelRetryable(exception) || base.RetryForException(executionContext, exception));

    public override async Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        ClientMayRetry(executionContext) &&
        (IsModelRetryable(exception) || await base.RetryForExceptionAsync(executionContext, exception).ConfigureAwait(false));

    private static bool ClientMayRetry(IExecutionContext executionContext) =>
        executionContext.RequestContext.Options is not EumInvokeOptions { ClientMayRetry: false };

    // The model marks Throttled / InternalService / Dependency retryable; the SDK's own lists key on
    // status codes and other services' names, so say it explicitly.
    private static bool IsModelRetryable(Exception exception) =>
        exception is SocialMessagingException { IsRetryable: true };
}
