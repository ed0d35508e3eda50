// Wrong answer: a long field and _value++
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: ++ reads, adds and writes in three steps, so two threads that read the same old value both write the same new one and an increment is lost; use Interlocked.Increment(ref _value).

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    private long _value;

    public void Increment() => _value++;

    public long Value => _value;
}
