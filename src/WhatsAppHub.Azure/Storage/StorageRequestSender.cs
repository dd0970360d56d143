using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>Sends one request through the pipeline and reads the response before the message is disposed.</summary>
internal static class StorageRequestSender
{
    public static async Task<T> SendAsync<T>(
        this HttpPipeline pipeline,
        RequestMethod method,
        string uri,
        Action<Request>? prepare,
        Func<Response, T> read,
        CancellationToken cancellationToken)
    {
        using HttpMessage message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        prepare?.Invoke(message.Request);
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return read(message.Response);
    }
}
