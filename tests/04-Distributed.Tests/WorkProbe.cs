using System.Collections.Concurrent;

namespace Distributed.Tests;

/// <summary>
/// The work an <see cref="InProcessWorker"/> runs: fun(x) = (x, x², this PID), except that each call waits until
/// the test releases its x (or all), can be told to fail (at once, before waiting), and is counted. So a test knows how many tasks are in
/// flight, how often each x ran, and decides when each one finishes, without sleeping. With <c>holdStops</c>, a call
/// whose token is cancelled does not give up at once: it waits for <see cref="ReleaseStops"/>, so that a test can see
/// what the worker does while a task is still winding down after a stop.
/// </summary>
public sealed class WorkProbe
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _gates = new();
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<int, int> _runs = new();
    private readonly TaskCompletionSource _stopsReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<int, int, bool> _fails;
    private readonly bool _holdStops;
    private int _inFlight;
    private int _stopping;
    private int _mostInFlight;

    /// <param name="hold">Whether calls wait to be released (otherwise they finish at once).</param>
    /// <param name="fails">(x, attempt starting at 1) => whether that attempt throws.</param>
    /// <param name="holdStops">Whether a call that sees its token cancelled waits for <see cref="ReleaseStops"/> before it gives up.</param>
    public WorkProbe(bool hold = true, Func<int, int, bool>? fails = null, bool holdStops = false)
    {
        _holdStops = holdStops;
        if (!hold)
        {
            _all.SetResult();
        }
        _fails = fails ?? ((_, _) => false);
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>How many calls saw their token cancelled and wait for <see cref="ReleaseStops"/> (with holdStops).</summary>
    public int Stopping => Volatile.Read(ref _stopping);

    /// <summary>How many times the work ran, over all x.</summary>
    public int TotalRuns => _runs.Values.Sum();

    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>How many times the work ran for <paramref name="x"/> (started, finished or not).</summary>
    public int Runs(int x) => _runs.GetValueOrDefault(x);

    public void Release(int x) => Gate(x).TrySetResult();

    public void ReleaseAll() => _all.TrySetResult();

    /// <summary>Lets the calls held after a stop give up (throw their OperationCanceledException).</summary>
    public void ReleaseStops() => _stopsReleased.TrySetResult();

    public Task WaitUntil(Func<WorkProbe, bool> condition, Func<string> whatWentWrong) =>
        Within.Until(() => condition(this), whatWentWrong);

    public async Task<FunResult> Work(int x, CancellationToken cancellationToken)
    {
        var attempt = _runs.AddOrUpdate(x, 1, (_, runs) => runs + 1);
        var now = Interlocked.Increment(ref _inFlight);
        for (var most = MostInFlight; now > most; most = MostInFlight)
        {
            Interlocked.CompareExchange(ref _mostInFlight, now, most);
        }
        try
        {
            await Task.Yield();
            if (_fails(x, attempt))
            {
                throw new InvalidOperationException($"fun({x}) failed on attempt {attempt}, as the test asked.");
            }
            // Bounded: a worker that never stops cannot keep a test waiting here for more than a minute.
            await Task.WhenAny(Gate(x).Task, _all.Task).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
            return new FunResult(x, x * x, Environment.ProcessId);
        }
        catch (OperationCanceledException) when (_holdStops && cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _stopping);
            // Still in flight: the test decides when this call gives up (bounded, so that a test can never hang here).
            await _stopsReleased.Task.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private TaskCompletionSource Gate(int x) =>
        _gates.GetOrAdd(x, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
