using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>
/// Hands the SDK an HttpClient that never touches the network: it records where each request was
/// going and answers 200 <c>{}</c>. Lets the endpoint tests see the real AWS URL offline.
/// </summary>
public sealed class CapturingHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Handler(this));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    private sealed class Handler(CapturingHttpClientFactory owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            owner.Requests.Enqueue(request);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            });
        }
    }
}
