using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// The cheap reachability and authorization check behind the services' <c>PingAsync</c>: one GET, one attempt,
/// no retries, a short network time-out; true only for a 200, false on any failure.
/// </summary>
internal static class StoragePing
{
    public static async Task<bool> SendAsync(HttpPipeline pipeline, Uri uri, TimeSpan timeout, Action<Request>? addHeaders, CancellationToken cancellationToken)
    {
        using HttpMessage message = pipeline.CreateMessage();
        message.ResponseClassifier = SingleAttemptClassifier.Instance;
        message.NetworkTimeout = timeout;
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(uri);
        addHeaders?.Invoke(message.Request);
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return message.Response.Status == 200;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
