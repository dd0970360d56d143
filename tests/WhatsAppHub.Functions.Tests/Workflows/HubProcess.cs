using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// The hub as a real child process (the built WhatsAppHub.Functions.dll under <c>dotnet</c>), so a test can kill it
/// outright mid-work, start another on the same port, or run two side by side on the same storage.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private HubProcess(ChildProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("x-functions-key", HubHost.ApiKey);
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public string Describe() => _process.Describe();

    public static async Task<HubProcess> StartAsync(string storage, SandboxHost sandbox, int port)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "WhatsAppHub.Functions.dll");
        var baseUrl = $"http://127.0.0.1:{port}";
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Hub__ApiKey"] = HubHost.ApiKey,
            ["AzureWebJobsStorage"] = storage,
            ["Eum__Region"] = "us-east-1",
            ["Eum__ServiceUrl"] = sandbox.BaseUrl,
            ["Eum__AccessKeyId"] = SandboxHost.AccessKeyId,
            ["Eum__SecretAccessKey"] = SandboxHost.SecretAccessKey,
            ["Eum__DefaultPhoneNumberId"] = HubHost.DefaultPhoneNumberId,
            ["Eum__TimeoutSeconds"] = "5",
            ["Sns__AllowedTopicArns"] = SnsFixture.TopicArn,
            ["Sns__TrustedTestCertificateHost"] = new Uri(sandbox.BaseUrl).Authority,
            ["Outbound__EnforceServiceWindow"] = "false",
        };
        var process = await ChildProcess.StartOnFreePortsAsync(
            () => ChildProcess.Start("dotnet", [dll], new ChildProcessOptions { Name = $"hub:{port}", Environment = environment, WorkingDirectory = AppContext.BaseDirectory }),
            () => [port], TimeSpan.FromSeconds(60), attempts: 1);
        var hub = new HubProcess(process, baseUrl);
        // Healthy once storage is ready: the tables and queues exist and the pumps run.
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            try
            {
                using var health = await hub.Http.GetAsync("/api/health");
                if (health.IsSuccessStatusCode) return hub;
            }
            catch (HttpRequestException)
            {
            }
        }
        throw new TimeoutException("The hub did not become healthy." + process.Describe());
    }

    /// <summary>Kills the process at once (no graceful shutdown: whatever it was doing is cut off).</summary>
    public void Kill() => _process.KillTree();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
    }
}
