using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Health;

/// <summary>
/// Checks that tables, queues and EUM answer. The EUM check reads the default phone number (a cheap read that also
/// proves the credentials); its result is cached briefly because the endpoint is open and must not turn probes into AWS calls.
/// </summary>
public sealed class HealthProbe(TableService tables, QueueService queues, ISocialMessaging eum, HubOptions options, TimeProvider clock)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";

    private static readonly TimeSpan EumCacheTime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    // A reference swapped whole, so concurrent probes read either the old or the new result, never half of one.
    private volatile CachedCheck? _eumCache;

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var storageTask = CheckStorageAsync(cancellationToken);
        var eumTask = CheckEumAsync(cancellationToken);
        var (tablesCheck, queuesCheck) = await storageTask;
        var eumCheck = await eumTask;
        var checks = new Dictionary<string, HealthCheck> { ["tables"] = tablesCheck, ["queues"] = queuesCheck, ["eum"] = eumCheck };
        return new HealthReport(checks.Values.All(c => c.Status == Healthy) ? Healthy : Unhealthy, clock.GetUtcNow(), checks);
    }

    private async Task<(HealthCheck Tables, HealthCheck Queues)> CheckStorageAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        var tablesOk = tables.PingAsync(timeout.Token);
        var queuesOk = queues.PingAsync(timeout.Token);
        return (Check(await tablesOk, "Table service answered.", "Table service did not answer."),
                Check(await queuesOk, "Queue service answered.", "Queue service did not answer."));
    }

    private async Task<HealthCheck> CheckEumAsync(CancellationToken cancellationToken)
    {
        if (_eumCache is { } cached && clock.GetUtcNow() - cached.At < EumCacheTime) return cached.Check;
        HealthCheck check;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(CheckTimeout);
            var answer = await eum.GetLinkedWhatsAppBusinessAccountPhoneNumberAsync(
                new GetLinkedWhatsAppBusinessAccountPhoneNumberRequest { Id = options.Eum.DefaultPhoneNumberId }, timeout.Token);
            check = new HealthCheck(Healthy, $"EUM answered for {options.Eum.DefaultPhoneNumberId} (WABA {answer.LinkedWhatsAppBusinessAccountId}).");
        }
        catch (SocialMessagingException e)
        {
            check = new HealthCheck(Unhealthy, $"EUM refused: {e.ErrorType}: {e.Message}");
        }
        catch (Exception e) when (e is AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            check = new HealthCheck(Unhealthy, $"EUM did not answer ({e.GetType().Name}).");
        }
        _eumCache = new CachedCheck(clock.GetUtcNow(), check);
        return check;
    }

    private sealed record CachedCheck(DateTimeOffset At, HealthCheck Check);

    private static HealthCheck Check(bool ok, string good, string bad) => ok ? new(Healthy, good) : new(Unhealthy, bad);
}

public sealed record HealthReport(string Status, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, HealthCheck> Checks);

public sealed record HealthCheck(string Status, string Detail);
