using System.Collections.Concurrent;

namespace Distributed.Tests;

/// <summary>
/// The work an <see cref="InProcessWorker"/> runs: fun(x) = (x, x², this PID), except that each call waits until
/// the test releases its x (or all), can be told to fail (at once, before waiting), and is counted. So a test knows how many tasks are in
/// flight, how often each x ran, and decides when each one finishes, without sleeping.
/// </summary>
public sealed class WorkProbe
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _gates = new();
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<int, int> _runs = new();
    private readonly Func<int, int, bool> _fails;
    private int _inFlight;
    private int _mostInFlight;

    /// <param name="hold">Whether calls wait to be released (otherwise they finish at once).</param>
    /// <param name="fails">(x, attempt starting at 1) => whether that attempt throws.</param>
    public WorkProbe(bool hold = true, Func<int, int, bool>? fails = null)
    {
        if (!hold)
        {
            _all.SetResult();
        }
        _fails = fails ?? ((_, _) => false);
    }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>How many times the work ran, over all x.</summary>
    public int TotalRuns => _runs.Values.Sum();

    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    /// <summary>How many times the work ran for <paramref name="x"/> (started, finished or not).</summary>
    public int Runs(int x) => _runs.GetValueOrDefault(x);

    public void Release(int x) => Gate(x).TrySetResult();

    public void ReleaseAll() => _all.TrySetResult();

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
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private TaskCompletionSource Gate(int x) =>
        _gates.GetOrAdd(x, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
