using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Scripts;

/// <summary>
/// The README's first command, as a user runs it: <c>./run.sh</c> brings up Azurite, s3rver, the sandbox and the hub,
/// the <c>curl</c> it prints sends a template (no 24-hour window needed) that the sandbox receives signed, and Ctrl-C stops every process.
/// Ports are moved to free ones so the test never collides with a developer's own run.
/// </summary>
public class RunScriptTests
{
    [Fact]
    public async Task Run_script_starts_everything_its_curl_sends_a_message_and_ctrl_c_stops_it_all()
    {
        var ports = new Dictionary<string, int>
        {
            ["HUB_PORT"] = FreePort.Next(), ["SANDBOX_PORT"] = FreePort.Next(), ["S3_PORT"] = FreePort.Next(),
            ["AZURITE_BLOB_PORT"] = FreePort.Next(), ["AZURITE_QUEUE_PORT"] = FreePort.Next(), ["AZURITE_TABLE_PORT"] = FreePort.Next(),
        };
        var state = Directory.CreateTempSubdirectory("whatsapphub-run-");
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "run.sh")])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, port) in ports) start.Environment[name] = port.ToString();
        start.Environment["STATE_DIR"] = state.FullName;
        // The test run has just built the binaries run.sh starts, in the configuration this test was built in.
        start.Environment["SKIP_BUILD"] = "1";
        start.Environment["CONFIGURATION"] = AppContext.BaseDirectory.Contains("/bin/Debug/") ? "Debug" : "Release";

        using var run = Process.Start(start)!;
        var output = new List<string>();
        var banner = new TaskCompletionSource();
        run.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.Add(e.Data);
            if (e.Data.Contains("Press Ctrl-C")) banner.TrySetResult();
        };
        run.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add("stderr: " + e.Data); };
        run.BeginOutputReadLine();
        run.BeginErrorReadLine();
        try
        {
            var finished = await Task.WhenAny(banner.Task, run.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
            Assert.True(banner.Task.IsCompleted, "run.sh did not print its banner:\n" + string.Join("\n", output));

            string printed;
            lock (output) printed = string.Join("\n", output);
            Assert.Contains($"http://127.0.0.1:{ports["HUB_PORT"]}/api", printed);
            Assert.Contains("local-dev-key", printed);
            var curl = Regex.Match(printed, @"^\s*(curl .*)$", RegexOptions.Multiline).Groups[1].Value;
            Assert.StartsWith("curl", curl);

            var (exit, answer) = await Shell(curl);
            Assert.Equal(0, exit);
            using var sent = JsonDocument.Parse(answer);
            Assert.Equal("sent", sent.RootElement.GetProperty("status").GetString());
            var wamid = sent.RootElement.GetProperty("wamid").GetString();

            using var http = new HttpClient();
            var received = await http.GetStringAsync($"http://127.0.0.1:{ports["SANDBOX_PORT"]}/sandbox/messages");
            Assert.Contains(wamid!, received);

            // The MESSAGE row, read back from Azurite through the API.
            using var read = new HttpRequestMessage(HttpMethod.Get,
                $"http://127.0.0.1:{ports["HUB_PORT"]}/api/messages/{sent.RootElement.GetProperty("id").GetString()}");
            read.Headers.Add("x-functions-key", "local-dev-key");
            using var stored = JsonDocument.Parse(await (await http.SendAsync(read)).Content.ReadAsStringAsync());
            Assert.Equal(wamid, stored.RootElement.GetProperty("wamid").GetString());

            // The sandbox's signed status webhooks for it reach the hub's SNS endpoint and are accepted (run.sh trusts
            // the sandbox's certificate host and allows its topic).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            List<JsonElement> delivered;
            do
            {
                await Task.Delay(200);
                using var deliveries = JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{ports["SANDBOX_PORT"]}/sandbox/sns/deliveries"));
                delivered = [.. deliveries.RootElement.EnumerateArray().Where(d => d.GetProperty("delivered").GetBoolean()).Select(d => d.Clone())];
            } while (delivered.Count == 0 && DateTime.UtcNow < deadline);
            Assert.NotEmpty(delivered);

            // Ctrl-C: SIGINT to the script; every port it opened must close.
            Process.Start("kill", ["-INT", run.Id.ToString()])!.WaitForExit();
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await run.WaitForExitAsync(stopTimeout.Token);
            foreach (var (name, port) in ports)
                Assert.False(await IsListening(port), $"{name} {port} still open after Ctrl-C");
        }
        finally
        {
            if (!run.HasExited) run.Kill(entireProcessTree: true);
            state.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Output)> Shell(string command)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static async Task<bool> IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
