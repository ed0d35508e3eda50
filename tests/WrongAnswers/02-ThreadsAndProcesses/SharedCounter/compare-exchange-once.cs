// Wrong answer: Interlocked.CompareExchange(ref _value, seen + 1, seen), tried once
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: when another thread changed the value in the meantime, CompareExchange does nothing and that increment is silently dropped; retry in a loop until it succeeds, or simply use Interlocked.Increment.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    private long _value;

    public void Increment()
    {
        var seen = Interlocked.Read(ref _value);
        Interlocked.CompareExchange(ref _value, seen + 1, seen);
    }

    public long Value => Interlocked.Read(ref _value);
}
