using Xunit;

namespace WhatsAppHub.Testing;

/// <summary>
/// A private s3rver (local S3) on a free port of 127.0.0.1, storing into a temp directory that is
/// deleted on dispose. It accepts only the key pair <c>S3RVER</c>/<c>S3RVER</c>.
/// Clients: <c>ServiceURL = ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1"</c>,
/// and <c>UseChunkEncoding = false</c> on uploads (s3rver stores aws-chunked framing as content).
/// </summary>
public sealed class S3rverProcess : IAsyncLifetime, IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private ChildProcess? _process;

    public int Port { get; private set; }

    public string ServiceUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Where the objects are stored while it runs.</summary>
    public string DataDirectory { get; private set; } = "";

    public ChildProcess Process => _process ?? throw new InvalidOperationException("s3rver is not started.");

    public async Task InitializeAsync()
    {
        string s3rver = RepoPaths.Emulator("s3rver");
        DataDirectory = Directory.CreateTempSubdirectory("s3rver-").FullName;

        _process = await ChildProcess.StartOnFreePortsAsync(() =>
        {
            Port = FreePort.Next();
            return ChildProcess.Start(s3rver,
                ["-d", DataDirectory, "-a", "127.0.0.1", "-p", Port.ToString()],
                new ChildProcessOptions { Name = "s3rver", WorkingDirectory = DataDirectory });
        }, () => [Port], StartTimeout).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }

        if (DataDirectory.Length > 0)
        {
            AzuriteProcess.TryDeleteDirectory(DataDirectory);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);
}
