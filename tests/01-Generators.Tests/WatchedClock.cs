using System.Reflection;
using Microsoft.Extensions.Time.Testing;

namespace Generators.Tests;

/// <summary>
/// A fake clock that also keeps count of its timers: how many were created, how many are still not
/// disposed, and whether each was created on the thread that asked for the next value. Time moves only
/// when a test calls <see cref="Advance"/>.
/// </summary>
public sealed class WatchedClock : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
    private int _created;
    private int _disposed;
    private int _lastCreator;

    public int Created => Volatile.Read(ref _created);
    public int NotDisposed => Created - Volatile.Read(ref _disposed);
    public int LastCreatorThread => Volatile.Read(ref _lastCreator);

    public void Advance(TimeSpan by) => _fake.Advance(by);

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();
    public override long GetTimestamp() => _fake.GetTimestamp();
    public override long TimestampFrequency => _fake.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Volatile.Write(ref _lastCreator, Environment.CurrentManagedThreadId);
        Interlocked.Increment(ref _created);
        return new Counted(_fake.CreateTimer(callback, state, dueTime, period), this);
    }

    private sealed class Counted(ITimer inner, WatchedClock clock) : ITimer
    {
        private int _done;

        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                Interlocked.Increment(ref clock._disposed);
            }
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// Counts the callbacks still registered on a token source. .NET has no public way to ask, so this reads
/// CancellationTokenSource's private list; if a future runtime renames it, the test says so plainly.
/// </summary>
public static class TokenRegistrations
{
    public static int Count(CancellationTokenSource source)
    {
        const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
        var registrationsField = typeof(CancellationTokenSource).GetField("_registrations", Private)
            ?? throw new InvalidOperationException("TokenRegistrations: this runtime's CancellationTokenSource has no _registrations field; update the helper.");
        var registrations = registrationsField.GetValue(source);
        if (registrations is null)
        {
            return 0;
        }
        var callbacksField = registrations.GetType().GetField("Callbacks")
            ?? throw new InvalidOperationException("TokenRegistrations: the runtime's registration list has no Callbacks field; update the helper.");
        var count = 0;
        for (var node = callbacksField.GetValue(registrations); node is not null; node = node.GetType().GetField("Next")?.GetValue(node))
        {
            count++;
        }
        return count;
    }
}
