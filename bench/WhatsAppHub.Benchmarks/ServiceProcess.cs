using System.Diagnostics;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks;

/// <summary>
/// The hub or the sandbox as its own process (the built Release executable), so each one's CPU time is measured apart
/// from the load generator's, and the load generator's timing is not disturbed by the sandbox's work.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string HubApiKey = "bench-function-key-0001";

    private readonly ChildProcess _process;

    private ServiceProcess(ChildProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>CPU time the process has used so far (user + system).</summary>
    public TimeSpan CpuTime => Process.GetProcessById(_process.Id).TotalProcessorTime;

    public static Task<ServiceProcess> StartHubAsync(string storage, string eumUrl, IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Hub__ApiKey"] = HubApiKey,
            ["AzureWebJobsStorage"] = storage,
            ["Eum__Region"] = "us-east-1",
            ["Eum__ServiceUrl"] = eumUrl,
            ["Eum__AccessKeyId"] = SandboxHost.AccessKeyId,
            ["Eum__SecretAccessKey"] = SandboxHost.SecretAccessKey,
            ["Eum__DefaultPhoneNumberId"] = Load.PhoneNumberId,
        };
        foreach (var (key, value) in settings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return StartAsync("hub", "WhatsAppHub.Functions", environment, "/api/health");
    }

    /// <summary>The sandbox with the same fake credentials as the hub's, and <paramref name="settings"/> (section Sandbox).</summary>
    public static Task<ServiceProcess> StartSandboxAsync(IReadOnlyDictionary<string, string> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["Sandbox__AccessKeyId"] = SandboxHost.AccessKeyId,
            ["Sandbox__SecretAccessKey"] = SandboxHost.SecretAccessKey,
            ["Sandbox__Region"] = "us-east-1",
            ["Sandbox__HubEventsUrl"] = "",
        };
        foreach (var (key, value) in settings) environment["Sandbox__" + key] = value;
        return StartAsync("sandbox", "WhatsAppHub.Sandbox", environment, "/sandbox/health");
    }

    private static async Task<ServiceProcess> StartAsync(string name, string project, Dictionary<string, string?> environment, string healthPath)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", project, "bin", "Release", "net10.0", project + ".dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build first (dotnet build -c Release): {dll} is missing.");
        string baseUrl = "";
        var process = await ChildProcess.StartOnFreePortsAsync(() =>
        {
            baseUrl = $"http://127.0.0.1:{FreePort.Next(1)[0]}";
            environment["ASPNETCORE_URLS"] = baseUrl;
            return ChildProcess.Start("dotnet", [dll], new ChildProcessOptions { Name = name, Environment = environment, WorkingDirectory = Path.GetDirectoryName(dll) });
        }, () => [new Uri(baseUrl).Port], TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var health = await http.GetAsync(baseUrl + healthPath);
                if (health.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        return new ServiceProcess(process, baseUrl);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
