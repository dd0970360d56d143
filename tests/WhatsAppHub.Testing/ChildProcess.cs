using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WhatsAppHub.Testing;

/// <summary>How to start a <see cref="ChildProcess"/>.</summary>
public sealed class ChildProcessOptions
{
    /// <summary>A short name for messages ("azurite").</summary>
    public string? Name { get; init; }

    public string? WorkingDirectory { get; init; }

    /// <summary>Extra environment variables (null value = remove).</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>How many recent lines of stdout and of stderr to keep for error messages.</summary>
    public int TailLines { get; init; } = 60;
}

/// <summary>
/// A process started by a test: output captured into a bounded tail (and drained, so a chatty
/// process never blocks on a full pipe), readiness by TCP port or output line, and a kill of the
/// whole process tree on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable, IDisposable
{
    private readonly Process _process;
    private readonly LinkedList<string> _stdout = new();
    private readonly LinkedList<string> _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly object _gate = new();
    private readonly int _tailLines;
    private bool _disposed;

    private ChildProcess(Process process, string name, int tailLines)
    {
        _process = process;
        Name = name;
        _tailLines = tailLines;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the process wrote to stdout.</summary>
    public string StdoutTail => Tail(_stdout);

    /// <summary>The last lines the process wrote to stderr.</summary>
    public string StderrTail => Tail(_stderr);

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, ChildProcessOptions? options = null)
    {
        options ??= new ChildProcessOptions();
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
            WorkingDirectory = options.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in options.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(key);
            }
            else
            {
                startInfo.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var child = new ChildProcess(process, options.Name ?? Path.GetFileName(fileName), options.TailLines);
        process.OutputDataReceived += (_, e) => child.OnLine(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.OnLine(child._stderr, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Starts a server on free ports and waits until it listens. A port picked as free can be taken by another process
    /// before the server binds it, so on EADDRINUSE it tries again with new ports, up to <paramref name="attempts"/> times.
    /// </summary>
    /// <param name="start">Picks the ports and starts the process (called once per attempt).</param>
    /// <param name="ports">The ports to wait for, as picked by the last call of <paramref name="start"/>.</param>
    public static async Task<ChildProcess> StartOnFreePortsAsync(Func<ChildProcess> start, Func<IEnumerable<int>> ports, TimeSpan timeout, int attempts = 3)
    {
        for (int attempt = 1; ; attempt++)
        {
            var process = start();
            try
            {
                foreach (int port in ports())
                {
                    await process.WaitForPortAsync(port, timeout).ConfigureAwait(false);
                }
                return process;
            }
            catch (InvalidOperationException) when (attempt < attempts && process.StderrTail.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await process.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Waits until 127.0.0.1:<paramref name="port"/> accepts a TCP connection.</summary>
    /// <exception cref="TimeoutException">Not in time; the message carries the output tails.</exception>
    /// <exception cref="InvalidOperationException">The process exited first.</exception>
    public async Task WaitForPortAsync(int port, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ThrowIfExited($"before port {port} answered");
            using (var client = new TcpClient())
            {
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    attempt.CancelAfter(TimeSpan.FromSeconds(1));
                    await client.ConnectAsync(IPAddress.Loopback, port, attempt.Token).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (exception is SocketException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Not listening yet.
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} (pid {Id}) did not open port {port} within {timeout.TotalSeconds:0} s.{Describe()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for an output line (stdout or stderr) matching <paramref name="match"/>; returns it.</summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            string? seen = _stdout.Concat(_stderr).FirstOrDefault(match);
            if (seen is not null)
            {
                return seen;
            }

            _waiters.Add((match, found));
        }

        var exited = _process.WaitForExitAsync(cancellationToken);
        var finished = await Task.WhenAny(found.Task, exited, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        if (finished == found.Task)
        {
            return await found.Task.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfExited("before the expected output");
        throw new TimeoutException($"{Name} (pid {Id}) did not write the expected output within {timeout.TotalSeconds:0} s.{Describe()}");
    }

    /// <summary>Kills the process and all its descendants; safe to call more than once.</summary>
    public void KillTree()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>Both output tails, for failure messages.</summary>
    public string Describe() =>
        $"{System.Environment.NewLine}--- {Name} stderr (tail) ---{System.Environment.NewLine}{StderrTail}"
        + $"{System.Environment.NewLine}--- {Name} stdout (tail) ---{System.Environment.NewLine}{StdoutTail}";

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        KillTree();
        _process.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void ThrowIfExited(string when)
    {
        if (_process.HasExited)
        {
            // Let the asynchronous readers flush the last lines before reporting them.
            _process.WaitForExit();
            throw new InvalidOperationException($"{Name} (pid {Id}) exited with code {_process.ExitCode} {when}.{Describe()}");
        }
    }

    private void OnLine(LinkedList<string> tail, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            tail.AddLast(line);
            while (tail.Count > _tailLines)
            {
                tail.RemoveFirst();
            }

            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Found.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private string Tail(LinkedList<string> lines)
    {
        lock (_gate)
        {
            return string.Join(System.Environment.NewLine, lines);
        }
    }
}
