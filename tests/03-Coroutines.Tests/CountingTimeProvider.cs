using Microsoft.Extensions.Time.Testing;

namespace Coroutines.Tests;

/// <summary>
/// A fake clock that also counts its timers: every CancellationTokenSource(timeout, time), Task.Delay(..., time)
/// and WaitAsync(..., time) makes one, and disposes it when it is done with it. A timer still alive after the call
/// has returned is a leak: one per call, until its deadline passes.
/// </summary>
public sealed class CountingTimeProvider(FakeTimeProvider clock) : TimeProvider
{
    private int _live;

    public CountingTimeProvider() : this(new FakeTimeProvider())
    {
    }

    public FakeTimeProvider Clock => clock;

    /// <summary>Timers made and not yet disposed.</summary>
    public int LiveTimers => Volatile.Read(ref _live);

    public void Advance(TimeSpan by) => clock.Advance(by);

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override long GetTimestamp() => clock.GetTimestamp();

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _live);
        return new CountedTimer(clock.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class CountedTimer(ITimer timer, CountingTimeProvider owner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }
            timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
