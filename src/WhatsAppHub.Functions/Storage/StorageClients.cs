using Azure.Identity;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Storage;

/// <summary>Turns the storage settings into a connection: a connection string, or service URIs with an Entra identity.</summary>
public static class StorageClients
{
    public static StorageConnection Connect(StorageSettings settings)
    {
        if (settings.ConnectionString is { } connectionString) return StorageConnection.Parse(connectionString);
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ManagedIdentityClientId });
        return StorageConnection.FromTokenCredential(settings.TableServiceUri!, settings.QueueServiceUri!, credential);
    }

    /// <summary>
    /// The table and queue services, the pumps' calls taking turns in <paramref name="pumpCalls"/> lanes
    /// (<see cref="BackgroundLanes"/>). Unset, that is one lane against the emulator, whose one event loop serves calls in
    /// arrival order, and none against Azure Storage, which serves them in parallel.
    /// </summary>
    public static (TableService Tables, QueueService Queues) Services(StorageConnection connection, int? pumpCalls)
    {
        var (tableOptions, queueOptions) = (new TableServiceOptions(), new QueueServiceOptions());
        if ((pumpCalls ?? (connection.IsEmulator ? 1 : 0)) is > 0 and var lanes)
        {
            var background = new BackgroundLanes(lanes);
            background.AddTo(tableOptions);
            background.AddTo(queueOptions);
        }
        return (new TableService(connection, tableOptions), new QueueService(connection, queueOptions));
    }
}
