using Xunit.Sdk;

namespace Distributed.Tests;

/// <summary>Helpers that turn a silent wait for a worker into a failure that says what the workers printed.</summary>
public static class Workers
{
    /// <summary>Waits for one result; if it does not come, fails with the workers' output (their errors, if any).</summary>
    public static async Task<FunResult> ResultOf(AsyncResult handle, string whatWentWrong, params WorkerProcess[] workers)
    {
        try
        {
            return await handle.GetAsync(Within.Default);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"{whatWentWrong} (the test gave up waiting after {Within.Default.TotalSeconds:0} s){Said(workers)}");
        }
    }

    /// <summary>What the worker processes printed, for failure messages.</summary>
    public static string Said(params WorkerProcess[] workers) =>
        string.Concat(workers.Where(worker => worker.Output.Length > 0)
            .Select(worker => $"\nWorker PID {worker.Pid}{(worker.HasExited ? " (exited)" : "")} printed:\n{worker.Output}"));

    /// <summary>A result as the snapshots show it: the PID scrubbed, the rest exact.</summary>
    public static string Scrubbed(FunResult result) => $"({result.X}, {result.Square}, PID <pid>)";
}
