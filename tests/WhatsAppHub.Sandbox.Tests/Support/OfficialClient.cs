using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests.Support;

/// <summary>
/// AWS's JavaScript client (@aws-sdk/client-socialmessaging, test-only) run through
/// <c>OfficialClient/run-operations.mjs</c>, and the fixed inputs it takes.
/// </summary>
public static class OfficialClient
{
    private static string Folder => Path.Combine(RepoPaths.Root, "tests", "WhatsAppHub.Sandbox.Tests", "OfficialClient");

    /// <summary>The inputs of all operations, keyed by operation name in call order (the JS client's input shape).</summary>
    public static JsonObject LoadInputs() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "operation-inputs.json")))!.AsObject();

    /// <summary>
    /// Runs the script against <paramref name="url"/> and returns its result line per operation
    /// (<c>{operation, ok, output}</c> or <c>{operation, ok: false, error}</c>). With no
    /// <paramref name="operations"/> all of them run, in the inputs file's order.
    /// </summary>
    public static async Task<Dictionary<string, JsonNode>> RunAsync(string url, string accessKeyId, string secret, params string[] operations)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(Folder, "run-operations.mjs")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["SANDBOX_URL"] = url,
                ["AWS_ACCESS_KEY_ID"] = accessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = secret,
                ["AWS_REGION"] = "us-east-1",
                ["OPERATIONS"] = string.Join(',', operations),
                // Keep the client from picking up a developer's AWS profile or session token.
                ["AWS_SESSION_TOKEN"] = "",
                ["AWS_PROFILE"] = "",
            },
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js is required for the official-client check and was not found on PATH ({e.Message}).");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            if (process.ExitCode != 0)
            {
                Assert.Fail($"run-operations.mjs exited with {process.ExitCode} (exit 3 = @aws-sdk/client-socialmessaging missing: {RepoPaths.InstallHint}).\n{await stderr}");
            }
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => JsonNode.Parse(line)!)
                .ToDictionary(n => n["operation"]!.GetValue<string>());
        }
    }
}
