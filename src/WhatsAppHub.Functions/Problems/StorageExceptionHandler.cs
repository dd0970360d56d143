using Azure;
using Microsoft.AspNetCore.Diagnostics;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// Storage that refuses or cannot be reached is the hub's outage, not the caller's mistake and not a bug:
/// any endpoint that meets it answers 503 with a problem document (retryable) instead of a bare 500.
/// </summary>
public sealed class StorageExceptionHandler(ILogger<StorageExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (StorageRequestException or RequestFailedException or AggregateException { InnerException: RequestFailedException }))
            return false;
        logger.LogError(exception, "Storage failed during {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        await HubProblems.StorageUnavailable("Storage did not answer; nothing was changed. Try again.").ExecuteAsync(httpContext);
        return true;
    }
}
