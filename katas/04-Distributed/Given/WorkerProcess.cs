using System.Diagnostics;
using System.Text;

namespace Distributed;

/// <summary>
/// Starts this assembly's worker program (<see cref="Program"/>) as a separate OS process, the way the seed starts
/// <c>celery worker -c 4</c> in a <c>multiprocessing.Process</c>. Given, not a kata. Because it starts the very
/// assembly it lives in, the tests run your worker in learner mode and the reference worker in solution mode.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private bool _disposed;

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Collect(line.Data, _output);
        _process.ErrorDataReceived += (_, line) => Collect(line.Data, _errors);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>How long <see cref="StopAsync"/> waits before it kills: the worker's grace period (10 s), and some.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>The worker's process id: the PID its results carry.</summary>
    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Whether <see cref="KillAsync"/> ended it (then its exit code says nothing about the worker).</summary>
    public bool WasKilled { get; private set; }

    /// <summary>The exit code, once it has exited: 0 for a clean stop, 1 when it failed, 2 for bad arguments.</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>What the worker printed so far, standard error first (its errors, if it failed).</summary>
    public string Output => (Read(_errors) + "\n" + Read(_output)).Trim();

    /// <summary>What the worker wrote to standard error so far: nothing at all, when it works and stops cleanly.</summary>
    public string Errors => Read(_errors).Trim();

    /// <summary>Starts the worker program: <c>worker --broker URI --queue NAME --concurrency N [--hold FOLDER]</c>.</summary>
    public static WorkerProcess Start(Uri broker, string queue, int concurrency, string? holdFolder = null)
    {
        var arguments = new List<string> { "worker", "--broker", broker.ToString(), "--queue", queue, "--concurrency", concurrency.ToString() };
        if (holdFolder is not null)
        {
            arguments.AddRange(["--hold", holdFolder]);
        }
        return StartProgram(arguments);
    }

    /// <summary>Starts this assembly's program with exactly these arguments (the tests use it to try bad ones).</summary>
    public static WorkerProcess StartProgram(IEnumerable<string> arguments)
    {
        var assembly = typeof(WorkerProcess).Assembly.Location;
        var info = new ProcessStartInfo(DotnetHost.Path)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("exec");
        var runtimeConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            // Copied into another program's folder (a test project) without its own runtime config: borrow the host's.
            runtimeConfig = Path.ChangeExtension(Environment.GetCommandLineArgs()[0], ".runtimeconfig.json");
        }
        info.ArgumentList.Add("--runtimeconfig");
        info.ArgumentList.Add(runtimeConfig);
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the worker process."));
    }

    /// <summary>Waits until the worker exits by itself (after bad arguments, say) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken = default)
    {
        await _process.WaitForExitAsync(cancellationToken); // also waits until its output has been read to the end
        return _process.ExitCode;
    }

    /// <summary>
    /// Asks the worker to stop, the way a test or a notebook should: closes its standard input. The worker finishes the
    /// tasks in progress and exits. If it has not exited after <see cref="Patience"/>, it is killed. Returns the exit code.
    /// </summary>
    public async Task<int> StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var patience = new CancellationTokenSource(Patience);
                try
                {
                    await _process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    await KillAsync();
                }
            }
            await _process.WaitForExitAsync();
        }
        catch (IOException)
        {
            // Its input was already closed: it is on its way out.
            await _process.WaitForExitAsync();
        }
        return _process.ExitCode;
    }

    /// <summary>Kills the worker at once with SIGKILL, as a crash would: no cleanup, no goodbye to the broker.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            WasKilled = true;
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now, by itself.
            }
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the worker (<see cref="StopAsync"/>) and lets its process go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await StopAsync();
            _process.Dispose();
        }
    }

    private static void Collect(string? line, StringBuilder into)
    {
        if (line is not null)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder from)
    {
        lock (from)
        {
            return from.ToString();
        }
    }
}
