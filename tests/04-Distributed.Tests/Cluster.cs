using Xunit.Sdk;

namespace Distributed.Tests;

/// <summary>
/// A test's cluster: worker processes and clients on one broker. Each helper turns a silent wait (for a worker, a
/// connection, a result) into a failure that says what the workers printed.
/// </summary>
public static class Cluster
{
    /// <summary>Starts a worker process; stopping it (disposing) asserts exit code 0 and an empty stderr.</summary>
    public static TestWorker StartWorker(Uri broker, string queue, int concurrency, string? holdFolder = null) =>
        new(WorkerProcess.Start(broker, queue, concurrency, holdFolder));

    /// <summary>Connects a client, failing fast if connecting hangs.</summary>
    public static Task<TaskClient> Connect(Uri broker, string queue) =>
        Within.Await(TaskClient.ConnectAsync(broker, queue), "TaskClient.ConnectAsync did not finish.");

    /// <summary>Sends one task, failing fast if DelayAsync waits for the result instead of returning once the task is sent.</summary>
    public static Task<AsyncResult> Send(TaskClient client, int x) =>
        Within.Await(client.DelayAsync(x),
            $"DelayAsync({x}) did not return. It must return as soon as the task is published, with a handle to the result to come, " +
            "not wait for the result itself.", TimeSpan.FromSeconds(5));

    /// <summary>Waits for one result; if it does not come, fails with the workers' output (their errors, if any).</summary>
    public static async Task<FunResult> ResultOf(AsyncResult handle, string whatWentWrong, params TestWorker[] workers)
    {
        var limit = Within.Default;
        try
        {
            // Within.Await as well, in case GetAsync does not honour its timeout.
            return await Within.Await(handle.GetAsync(limit), whatWentWrong + Said(workers), limit + TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            throw new XunitException($"{whatWentWrong} (the test gave up waiting after {limit.TotalSeconds:0} s){Said(workers)}");
        }
    }

    /// <summary>What the worker processes printed, for failure messages.</summary>
    public static string Said(params TestWorker[] workers) => Said(workers.Select(worker => worker.Process).ToArray());

    /// <summary>What the worker processes printed, for failure messages.</summary>
    public static string Said(params WorkerProcess[] workers) =>
        string.Concat(workers.Where(worker => worker.Output.Length > 0)
            .Select(worker => $"\nWorker PID {worker.Pid}{(worker.HasExited ? " (exited)" : "")} printed:\n{worker.Output}"));

    /// <summary>A result as the snapshots show it: the PID scrubbed, the rest exact.</summary>
    public static string Scrubbed(FunResult result) => $"({result.X}, {result.Square}, PID <pid>)";
}
