using System.Net;

namespace WhatsAppHub.Aws.Sns;

/// <summary>Confirms an SNS subscription by a GET of its SubscribeURL, only on an SNS host (or the trusted test origin).</summary>
public sealed class SnsSubscriptionConfirmer(HttpClient http, SnsUrlRules rules)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The status SNS answered.</summary>
    /// <exception cref="ArgumentException">The URL is not one the hub may fetch.</exception>
    /// <exception cref="HttpRequestException">SNS could not be reached (a retry may help).</exception>
    public async Task<HttpStatusCode> ConfirmAsync(string subscribeUrl, CancellationToken cancellationToken)
    {
        if (rules.CheckSubscribeUrl(subscribeUrl) is { } problem) throw new ArgumentException(problem, nameof(subscribeUrl));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(subscribeUrl, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.StatusCode;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException("SubscribeURL did not answer in time.", e);
        }
    }
}
