using Xunit;

namespace WhatsAppHub.Testing;

/// <summary>
/// A private, in-memory Azurite (blob, queue, table) on three free ports of 127.0.0.1.
/// Use it as an xunit collection fixture so one emulator serves a whole test assembly: declare
/// <c>[CollectionDefinition("Azurite")] public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteProcess&gt; {}</c>
/// in the test project (xunit requires the definition in the test assembly itself).
/// </summary>
public sealed class AzuriteProcess : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known (public) development key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ChildProcess? _process;
    private string? _workDirectory;

    /// <summary>
    /// Azurite prints one access-log line per request by default, which costs it (and whoever drains its output) CPU
    /// per request; a benchmark turns it off (<c>--silent</c>). Tests keep it: the tail shows what reached the emulator.
    /// </summary>
    public bool AccessLog { get; init; } = true;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public string TableEndpoint => $"http://127.0.0.1:{TablePort}/{AccountName}";

    public string QueueEndpoint => $"http://127.0.0.1:{QueuePort}/{AccountName}";

    public string BlobEndpoint => $"http://127.0.0.1:{BlobPort}/{AccountName}";

    /// <summary>The explicit-endpoint connection string of this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint};BlobEndpoint={BlobEndpoint};";

    /// <summary>The process, for its output tails in failure messages.</summary>
    public ChildProcess Process => _process ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync()
    {
        string azurite = RepoPaths.Emulator("azurite");
        // Azurite may still write small files (extent metadata, debug logs) to its working directory.
        _workDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;

        _process = await ChildProcess.StartOnFreePortsAsync(() =>
        {
            int[] ports = FreePort.Next(3);
            (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
            var arguments = new List<string>
            {
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
                // Accept whatever x-ms-version a client sends; never phone home; keep nothing on disk.
                "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--inMemoryPersistence",
            };
            if (!AccessLog) arguments.Add("--silent");
            return ChildProcess.Start(azurite, arguments, new ChildProcessOptions { Name = "azurite", WorkingDirectory = _workDirectory });
        }, () => [TablePort, QueuePort, BlobPort], StartTimeout).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }

        if (_workDirectory is not null)
        {
            TryDeleteDirectory(_workDirectory);
            _workDirectory = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);

    internal static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is not worth failing a test run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
