using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using WhatsAppHub.Core.Subscriptions;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>The outcome of one attempt: the receiver's status code when it answered, or why it did not.</summary>
public sealed record DeliveryAttempt(bool Delivered, int? StatusCode, string? Error)
{
    /// <summary>410 Gone: the receiver says the endpoint is no more, so retrying cannot help.</summary>
    public bool Gone => StatusCode == 410;
}

/// <summary>
/// Posts signed events to subscribers over one shared client: connections are pooled across deliveries (and renewed
/// every few minutes so DNS changes are seen), redirects are never followed (the signature is for the URL the
/// subscription names, and a redirect could lead anywhere), and response bodies are never read.
/// </summary>
public sealed class SubscriberClient(HubOptions options, TimeProvider clock) : IDisposable
{
    public const string EventIdHeader = "X-WhatsAppHub-Event-Id";
    public const string EventTypeHeader = "X-WhatsAppHub-Event-Type";
    public const string DeliveryIdHeader = "X-WhatsAppHub-Delivery-Id";
    public const string TimestampHeader = "X-WhatsAppHub-Timestamp";
    public const string SignatureHeader = "X-WhatsAppHub-Signature";

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = options.Subscriptions.Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 32,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own deadline (Subscriptions__TimeoutSeconds)
    };

    public async Task<DeliveryAttempt> PostAsync(Subscription subscription, Delivery delivery, string body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("WhatsAppHub", "1.0"));
        request.Headers.TryAddWithoutValidation(EventIdHeader, HeaderValue(delivery.EventId));
        request.Headers.TryAddWithoutValidation(EventTypeHeader, HeaderValue(delivery.EventType));
        request.Headers.TryAddWithoutValidation(DeliveryIdHeader, delivery.Id);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, WebhookSignature.Sign(subscription.Secret, timestamp, bytes));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Subscriptions.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? new DeliveryAttempt(true, status, null)
                : new DeliveryAttempt(false, status, $"The endpoint answered {status}{Reason(response)}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(false, null, $"No answer within {options.Subscriptions.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return new DeliveryAttempt(false, null, $"The endpoint could not be reached ({e.HttpRequestError}).");
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Header values must be visible ASCII; anything else (never expected in ids and types) is percent-escaped rather than failing the send.</summary>
    private static string HeaderValue(string value) =>
        value.All(c => c is >= '!' and <= '~') ? value : Uri.EscapeDataString(value);

    private static string Reason(HttpResponseMessage response) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase[..Math.Min(response.ReasonPhrase.Length, 100)];
}
