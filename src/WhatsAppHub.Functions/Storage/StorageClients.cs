using Azure.Identity;
using WhatsAppHub.Azure.Storage;
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
}
