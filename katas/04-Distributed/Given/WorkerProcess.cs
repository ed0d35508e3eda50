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

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += Collect;
        _process.ErrorDataReceived += Collect;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The worker's process id: the PID its results carry.</summary>
    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>What the worker printed so far (its errors, if it failed).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Trim();
            }
        }
    }

    public static WorkerProcess Start(Uri broker, string queue, int concurrency, string? holdFolder = null)
    {
        var assembly = typeof(WorkerProcess).Assembly.Location;
        var info = new ProcessStartInfo(DotnetHost())
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
        foreach (var argument in new[] { assembly, "worker", "--broker", broker.ToString(), "--queue", queue, "--concurrency", concurrency.ToString() })
        {
            info.ArgumentList.Add(argument);
        }
        if (holdFolder is not null)
        {
            info.ArgumentList.Add("--hold");
            info.ArgumentList.Add(holdFolder);
        }
        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start the worker process."));
    }

    /// <summary>Kills the worker at once with SIGKILL, as a crash would: no cleanup, no goodbye to the broker.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the worker to stop (closes its input), and kills it if it has not stopped within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                try
                {
                    await _process.WaitForExitAsync(patience.Token);
                }
                catch (OperationCanceledException)
                {
                    await KillAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    private void Collect(object? sender, DataReceivedEventArgs line)
    {
        if (line.Data is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line.Data);
            }
        }
    }

    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet")))
        {
            return Path.Combine(root, "dotnet");
        }
        return "dotnet";
    }
}
