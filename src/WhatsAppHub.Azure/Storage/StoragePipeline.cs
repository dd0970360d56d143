using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>Builds the Azure.Core pipeline shared by the Table and Queue clients.</summary>
internal static class StoragePipeline
{
    /// <summary>The Entra scope for Azure Storage data-plane access.</summary>
    public const string TokenScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(StorageConnection connection, ClientOptions options, Func<Request, string, string> stringToSign, TimeProvider? clock = null)
    {
        HttpPipelinePolicy authentication = connection.SharedKey is { } key
            ? new SharedKeyPolicy(key, stringToSign)
            : new BearerTokenAuthenticationPolicy(connection.Credential!, TokenScope);

        // Both per retry: a retried request needs a fresh date and a new signature.
        return HttpPipelineBuilder.Build(options, new StorageHeadersPolicy(clock ?? TimeProvider.System), authentication);
    }
}
