using Xunit.Sdk;

/// <summary>
/// Proves concurrency without timing luck. Work under test calls <see cref="Enter"/> /
/// <see cref="EnterAsync"/> when it starts and disposes the result when it ends. The probe counts
/// the calls in flight, remembers the maximum, and can hold every call at a gate until
/// <c>gateAt</c> of them are inside at the same moment: a sequential implementation never gets
/// there, so it fails (fast, with a clear message) instead of passing by chance.
/// </summary>
public sealed class ConcurrencyProbe(int gateAt = 0, TimeSpan? gateTimeout = null)
{
    private readonly TaskCompletionSource _gateOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan _gateTimeout = gateTimeout ?? Within.Default;
    private int _inFlight;
    private int _maxInFlight;
    private int _started;
    private bool _gaveUp;

    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);
    public int Started => Volatile.Read(ref _started);

    /// <summary>Completes when <c>gateAt</c> calls have been in flight at the same time.</summary>
    public Task GateOpened => _gateOpen.Task;

    /// <summary>For blocking (thread) code: counts the call in, then waits at the gate.</summary>
    public IDisposable Enter()
    {
        var scope = CountIn();
        if (gateAt > 0 && !_gateOpen.Task.IsCompleted && (GaveUp || !_gateOpen.Task.Wait(_gateTimeout)))
        {
            GiveUp(scope);
        }
        return scope;
    }

    /// <summary>For async code: counts the call in, then awaits the gate.</summary>
    public async Task<IDisposable> EnterAsync()
    {
        var scope = CountIn();
        if (gateAt > 0)
        {
            try
            {
                await _gateOpen.Task.WaitAsync(GaveUp ? TimeSpan.Zero : _gateTimeout);
            }
            catch (TimeoutException)
            {
                GiveUp(scope);
            }
        }
        return scope;
    }

    private Scope CountIn()
    {
        Interlocked.Increment(ref _started);
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) &&
               Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }
        if (gateAt > 0 && now >= gateAt)
        {
            _gateOpen.TrySetResult();
        }
        return new Scope(this);
    }

    // Once one call has waited in vain, the concurrency is not coming: later calls fail at once instead of
    // each waiting the whole timeout (which would add up past the test's own limit and hide this message).
    private bool GaveUp => Volatile.Read(ref _gaveUp);

    // The call leaves before failing, so that the count of calls in flight stays true for the calls after it.
    private void GiveUp(Scope scope)
    {
        Volatile.Write(ref _gaveUp, true);
        scope.Dispose();
        throw new XunitException(
            $"Only {MaxInFlight} call(s) were ever running at the same time, but this kata needs {gateAt} " +
            $"at once (waited {_gateTimeout.TotalSeconds:0.#} s). The calls ran one after another: start them all before waiting for any.");
    }

    private sealed class Scope(ConcurrencyProbe probe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref probe._inFlight);
            }
        }
    }
}
