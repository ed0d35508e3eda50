// Wrong answer: reads the value, then stores value + 1 with Interlocked.Exchange
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: Interlocked.Exchange makes only the write atomic; another thread can increment between your read and your write, and its increment is overwritten; use Interlocked.Increment.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    private long _value;

    public void Increment()
    {
        var seen = Interlocked.Read(ref _value);
        Interlocked.Exchange(ref _value, seen + 1);
    }

    public long Value => Interlocked.Read(ref _value);
}
