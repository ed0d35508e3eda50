namespace ThreadsAndProcesses;

/// <summary>
/// Kata 5 (going further: a race on a shared counter): a counter that many threads increment at
/// the same time without losing a single increment.
/// </summary>
public sealed class SharedCounter
{
    private long _value;

    /// <summary>Adds one. Safe to call from many threads at once.</summary>
    // _value++ is three steps (read, add, write): two threads can read the same old value and
    // one increment is lost. Interlocked.Increment does all three as one indivisible step.
    public void Increment() => Interlocked.Increment(ref _value);

    /// <summary>The current count.</summary>
    public long Value => Interlocked.Read(ref _value);
}
