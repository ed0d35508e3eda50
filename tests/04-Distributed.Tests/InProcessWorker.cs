namespace Distributed.Tests;

/// <summary>
/// <see cref="Worker.RunAsync"/> run inside the test process, with work the test controls (<see cref="WorkProbe"/>),
/// so that a test can hold, fail or count each task. Disposing it cancels the worker's token and waits, with a limit,
/// for <c>RunAsync</c> to return.
/// </summary>
public sealed class InProcessWorker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private InProcessWorker(Uri broker, string queue, int concurrency, Func<int, CancellationToken, Task<FunResult>> work)
    {
        // Called here, on the test's thread: an untouched stub throws straight into the test.
        _running = Worker.RunAsync(broker, queue, concurrency, work, _stop.Token);
    }

    public static InProcessWorker Start(Uri broker, string queue, int concurrency, WorkProbe probe) =>
        new(broker, queue, concurrency, probe.Work);

    /// <summary>Whether RunAsync has returned (or thrown).</summary>
    public bool Returned => _running.IsCompleted;

    /// <summary>What went wrong, if RunAsync already ended (it should run until it is stopped).</summary>
    public string Said() =>
        _running.IsFaulted ? $"\nWorker.RunAsync failed: {_running.Exception!.InnerException?.Message}" : "";

    /// <summary>Cancels the worker's token, as Ctrl+C would, and waits for RunAsync to return.</summary>
    public async Task StopAsync()
    {
        _stop.Cancel();
        var outcome = await Within.Outcome(_running,
            "Worker.RunAsync did not return within 10 s after its cancellation token was cancelled. Stop consuming when the token " +
            "is cancelled (await Task.Delay(Timeout.Infinite, cancellationToken)), and pass the token on to the work.",
            TimeSpan.FromSeconds(10));
        _ = outcome; // an OperationCanceledException is a fine way to stop
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        _stop.Dispose();
    }
}
