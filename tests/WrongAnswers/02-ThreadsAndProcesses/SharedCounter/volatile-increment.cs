// Wrong answer: Volatile.Read and Volatile.Write around the increment, to make every thread see the latest value
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: Volatile makes each read and each write visible, but the read and the write are still two steps with a gap between them where another thread can slip in; use Interlocked.Increment, which does all of it in one step.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    private long _value;

    public void Increment() => Volatile.Write(ref _value, Volatile.Read(ref _value) + 1);

    public long Value => Volatile.Read(ref _value);
}
