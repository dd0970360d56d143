using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Functions.Storage;

/// <summary>
/// Creates the hub's tables and queues at start-up. Storage that is not up yet (Azurite still starting) is retried in the
/// background with back-off instead of failing the host; <c>/api/health</c> reports it meanwhile.
/// </summary>
public sealed class StorageInitializer(TableService tables, QueueService queues, ILogger<StorageInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var name in HubTables.All) await tables.GetTable(name).CreateIfNotExistsAsync(stoppingToken);
                foreach (var name in HubQueues.All) await queues.GetQueue(name).CreateIfNotExistsAsync(stoppingToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Storage is not ready yet ({Reason}); retrying in {Delay}", e.Message, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
            }
        }
    }
}
