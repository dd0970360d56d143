using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>One Azurite, one s3rver (with the media bucket), one sandbox and one hub shared by the tests of the "Hub" collection.</summary>
public sealed class HubFixture : IAsyncLifetime
{
    public const string MediaBucket = "whatsapphub-media-test";

    public AzuriteProcess Azurite { get; } = new();

    public S3rverProcess S3 { get; } = new();

    /// <summary>Unsigned, path-style access to s3rver (<c>/{bucket}/{key}</c>), to check what the hub really stored.</summary>
    public HttpClient S3Http { get; private set; } = null!;

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    /// <summary>The hub's Messages table read directly in Azurite, to check what was really stored.</summary>
    public ITableStore Messages { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Azurite.InitializeAsync(), S3.InitializeAsync());
        S3Http = new HttpClient { BaseAddress = new Uri(S3.ServiceUrl) };
        (await S3Http.PutAsync("/" + MediaBucket, null)).EnsureSuccessStatusCode();
        Sandbox = await SandboxHost.StartAsync($"S3ServiceUrl={S3.ServiceUrl}");
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl,
            $"Media:Bucket={MediaBucket}", $"Media:S3ServiceUrl={S3.ServiceUrl}",
            $"Media:AccessKeyId={S3rverProcess.AccessKey}", $"Media:SecretAccessKey={S3rverProcess.SecretKey}");
        Messages = new TableService(StorageConnection.Parse(Azurite.ConnectionString)).GetTable(HubTables.Messages);
    }

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        S3Http.Dispose();
        await S3.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Hub")]
public sealed class HubCollection : ICollectionFixture<HubFixture>;
