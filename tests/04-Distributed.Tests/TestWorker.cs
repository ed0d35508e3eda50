using Xunit.Sdk;

namespace Distributed.Tests;

/// <summary>
/// A worker process started by a test (<see cref="Cluster.StartWorker"/>). Stopping it checks that it stopped the way the
/// worker program promises: exit code 0 and nothing on stderr. A worker the test killed on purpose is not checked.
/// </summary>
public sealed class TestWorker(WorkerProcess process) : IAsyncDisposable
{
    private bool _stopped;

    public WorkerProcess Process { get; } = process;

    public int Pid => Process.Pid;

    public bool HasExited => Process.HasExited;

    public string Output => Process.Output;

    /// <summary>SIGKILL, as a crash would; the stop afterwards is then not checked.</summary>
    public Task KillAsync() => Process.KillAsync();

    /// <summary>Closes the worker's input and asserts that it exits with code 0 and an empty stderr.</summary>
    public async Task StopCleanlyAsync()
    {
        _stopped = true;
        var exitCode = await Process.StopAsync();
        if (Process.WasKilled)
        {
            throw new XunitException($"Worker PID {Pid} did not stop within {WorkerProcess.Patience.TotalSeconds:0} s of its input closing, " +
                                     $"and had to be killed.{Cluster.Said(this)}");
        }
        if (exitCode != 0 || Process.Errors.Length > 0)
        {
            throw new XunitException($"Worker PID {Pid} did not stop cleanly: exit code {exitCode} (expected 0)" +
                                     (Process.Errors.Length > 0 ? ", and it wrote to stderr (expected nothing)" : "") +
                                     $".{Cluster.Said(this)}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped && !Process.WasKilled)
        {
            try
            {
                await StopCleanlyAsync();
            }
            finally
            {
                await Process.DisposeAsync();
            }
            return;
        }
        await Process.DisposeAsync();
    }
}
