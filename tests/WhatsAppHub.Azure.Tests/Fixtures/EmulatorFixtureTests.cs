using System.Diagnostics;
using System.Net;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Fixtures;

public class EmulatorFixtureTests
{
    [Fact]
    public async Task S3rver_starts_answers_and_stops_cleanly()
    {
        var s3 = new S3rverProcess();
        await s3.InitializeAsync();
        int pid = s3.Process.Id;
        string data = s3.DataDirectory;
        try
        {
            Assert.True(Directory.Exists(data));
            using var http = new HttpClient();
            using var response = await http.GetAsync(s3.ServiceUrl + "/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("ListAllMyBucketsResult", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await s3.DisposeAsync();
        }

        Assert.False(IsRunning(pid));
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task Azurite_stops_with_its_whole_process_tree()
    {
        var azurite = new AzuriteProcess();
        await azurite.InitializeAsync();
        int pid = azurite.Process.Id;
        int tablePort = azurite.TablePort;
        Assert.Contains($"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1", azurite.ConnectionString);
        await azurite.DisposeAsync();

        Assert.False(IsRunning(pid));
        using var client = new System.Net.Sockets.TcpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync(IPAddress.Loopback, tablePort));
    }

    [Fact]
    public async Task A_process_that_exits_early_reports_its_stderr()
    {
        await using var child = ChildProcess.Start("/bin/sh", ["-c", "echo boom-on-stderr >&2; exit 3"], new ChildProcessOptions { Name = "failing" });
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => child.WaitForPortAsync(FreePort.Next(), TimeSpan.FromSeconds(10)));
        Assert.Contains("boom-on-stderr", exception.Message);
        Assert.Contains("exited with code 3", exception.Message);
    }

    [Fact]
    public async Task Waiting_for_output_sees_lines_and_kill_tree_ends_children()
    {
        await using var child = ChildProcess.Start("/bin/sh", ["-c", "sleep 60 & echo child=$!; echo ready; wait"]);
        string ready = await child.WaitForOutputAsync(line => line == "ready", TimeSpan.FromSeconds(10));
        Assert.Equal("ready", ready);
        int grandchild = int.Parse((await child.WaitForOutputAsync(l => l.StartsWith("child="), TimeSpan.FromSeconds(5)))["child=".Length..]);
        Assert.True(IsRunning(grandchild));

        child.KillTree();
        Assert.True(child.HasExited);
        await Task.Delay(200);
        Assert.False(IsRunning(grandchild));
    }

    [Fact]
    public void Repo_paths_find_the_solution_and_the_emulators()
    {
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "WhatsAppHub.sln")));
        Assert.True(File.Exists(RepoPaths.Emulator("azurite")));
        var missing = Assert.Throws<InvalidOperationException>(() => RepoPaths.Emulator("no-such-emulator"));
        Assert.Contains("npm ci --prefix emulators", missing.Message);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // A killed child not yet reaped shows as a zombie; treat that as stopped.
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return !process.HasExited && !stat.Split(')')[1].TrimStart().StartsWith('Z');
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
