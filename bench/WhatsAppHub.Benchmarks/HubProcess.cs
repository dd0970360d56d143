using System.Diagnostics;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Benchmarks;

/// <summary>The hub as its own process (the built Release executable), so its CPU time is measured apart from the load.</summary>
public sealed class HubProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-function-key-0001";

    private readonly ChildProcess _process;

    private HubProcess(ChildProcess process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>CPU time the hub has used so far (user + system).</summary>
    public TimeSpan CpuTime => Process.GetProcessById(_process.Id).TotalProcessorTime;

    public static async Task<HubProcess> StartAsync(string storage, string eumUrl, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "WhatsAppHub.Functions", "bin", "Release", "net10.0", "WhatsAppHub.Functions.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the hub first (dotnet build -c Release): {dll} is missing.");
        string baseUrl = "";
        var process = await ChildProcess.StartOnFreePortsAsync(() =>
        {
            var port = FreePort.Next(1)[0];
            baseUrl = $"http://127.0.0.1:{port}";
            var environment = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = baseUrl,
                ["Hub__ApiKey"] = ApiKey,
                ["AzureWebJobsStorage"] = storage,
                ["Eum__Region"] = "us-east-1",
                ["Eum__ServiceUrl"] = eumUrl,
                ["Eum__AccessKeyId"] = SandboxHost.AccessKeyId,
                ["Eum__SecretAccessKey"] = SandboxHost.SecretAccessKey,
                ["Eum__DefaultPhoneNumberId"] = Load.PhoneNumberId,
            };
            foreach (var (key, value) in settings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
            return ChildProcess.Start("dotnet", [dll], new ChildProcessOptions { Name = "hub", Environment = environment });
        }, () => [new Uri(baseUrl).Port], TimeSpan.FromSeconds(60));
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var health = await http.GetAsync(baseUrl + "/api/health");
                if (health.IsSuccessStatusCode) break;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        return new HubProcess(process, baseUrl);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
