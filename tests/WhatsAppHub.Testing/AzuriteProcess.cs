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
    private const int StartAttempts = 3;

    private ChildProcess? _process;
    private string? _workDirectory;

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

        Exception? last = null;
        for (int attempt = 1; attempt <= StartAttempts; attempt++)
        {
            int[] ports = FreePort.Next(3);
            (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
            var process = ChildProcess.Start(azurite,
            [
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
                // Accept whatever x-ms-version a client sends; never phone home; keep nothing on disk.
                "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--inMemoryPersistence",
            ], new ChildProcessOptions { Name = "azurite", WorkingDirectory = _workDirectory });

            try
            {
                await process.WaitForPortAsync(TablePort, StartTimeout).ConfigureAwait(false);
                await process.WaitForPortAsync(QueuePort, StartTimeout).ConfigureAwait(false);
                await process.WaitForPortAsync(BlobPort, StartTimeout).ConfigureAwait(false);
                _process = process;
                return;
            }
            catch (InvalidOperationException exception) when (attempt < StartAttempts && process.StderrTail.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another process took a port between FreePort and Azurite's bind: try new ports.
                last = exception;
                await process.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await process.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        throw new InvalidOperationException($"Azurite did not start after {StartAttempts} attempts.", last);
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
