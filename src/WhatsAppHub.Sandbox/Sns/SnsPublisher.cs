using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>
/// Publishes one message to the hub as an SNS HTTP(S) delivery: signed body, SNS's headers and
/// content type, and SNS's retry rule (2xx = done, 4xx = never retried, 5xx / timeout / connection
/// error = retried with back-off). A hub that is down never breaks the sandbox: it is logged and recorded.
/// </summary>
public sealed class SnsPublisher(
    IHttpClientFactory httpClients,
    SnsSigningCertificate certificate,
    PublicBaseUrl baseUrl,
    DeliveryLog deliveries,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<SnsPublisher> logger)
{
    public const string HttpClientName = "sns";
    private readonly SnsSigner _signer = new(certificate.PrivateKey);

    public string SubscriptionArn { get; } = options.Value.TopicArn + ":" + Guid.NewGuid();

    public Task<SnsDelivery> PublishAsync(string messageText, string label, CancellationToken cancellationToken) =>
        DeliverAsync(Sign(messageText, label), cancellationToken);

    /// <summary>
    /// Signs a notification once, with a fresh MessageId. Delivering the result more than once plays SNS's
    /// at-least-once delivery: every copy has the same MessageId and signature, as a real duplicate has.
    /// </summary>
    public SignedNotification Sign(string messageText, string label)
    {
        var o = options.Value;
        var message = new SnsMessage("Notification", Guid.NewGuid().ToString(), o.TopicArn, messageText,
            time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        var body = message.ToJson(
            o.SnsSignatureVersion,
            _signer.Sign(message, o.SnsSignatureVersion),
            $"{baseUrl.Value}/sandbox/sns/certificate.pem",
            $"{baseUrl.Value}/sandbox/sns/unsubscribe?Action=Unsubscribe&SubscriptionArn={Uri.EscapeDataString(SubscriptionArn)}");
        return new SignedNotification(message, body, label);
    }

    public async Task<SnsDelivery> DeliverAsync(SignedNotification notification, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var message = notification.Message;
        var (attempts, status, error) = string.IsNullOrWhiteSpace(o.HubEventsUrl)
            ? (0, (int?)null, "Sandbox:HubEventsUrl is empty: not published")
            : await PostAsync(message, notification.Body, o, cancellationToken);

        var delivery = new SnsDelivery(time.GetUtcNow(), message.MessageId, message.Type, NullIfEmpty(o.HubEventsUrl), notification.Label,
            TryParse(message.Message), attempts, status, error, status is >= 200 and < 300);
        deliveries.Add(delivery);
        return delivery;
    }

    private async Task<(int Attempts, int? Status, string? Error)> PostAsync(SnsMessage message, string body, SandboxOptions o, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var maxAttempts = 1 + Math.Max(0, o.SnsRetries);
        int? status = null;
        string? error = null;
        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(o.SnsRetryDelayMs * Math.Pow(2, attempt - 2)), time, cancellationToken);
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, o.HubEventsUrl)
                {
                    Content = new StringContent(body, Encoding.UTF8, "text/plain"),
                };
                request.Content.Headers.ContentType!.CharSet = "UTF-8";
                request.Headers.TryAddWithoutValidation("User-Agent", "Amazon Simple Notification Service Agent");
                request.Headers.Add("x-amz-sns-message-type", message.Type);
                request.Headers.Add("x-amz-sns-message-id", message.MessageId);
                request.Headers.Add("x-amz-sns-topic-arn", message.TopicArn);
                request.Headers.Add("x-amz-sns-subscription-arn", SubscriptionArn);

                using var response = await client.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
                error = null;
                if (status < 500)
                {
                    // 2xx delivered; 4xx is a permanent failure that SNS does not retry.
                    return (attempt, status, status >= 300 ? $"hub answered {status}" : null);
                }
                error = $"hub answered {status}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                status = null;
                error = e.Message;
            }
            logger.LogWarning("SNS delivery {MessageId} to {Url} failed (attempt {Attempt}/{Max}): {Error}", message.MessageId, o.HubEventsUrl, attempt, maxAttempts, error);
        }
        return (maxAttempts, status, error);
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}

/// <summary>A signed SNS notification and the body SNS posts for it, ready to be delivered (once or more).</summary>
public sealed record SignedNotification(SnsMessage Message, string Body, string Label);
