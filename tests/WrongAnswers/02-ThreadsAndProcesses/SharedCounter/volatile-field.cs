// Wrong answer: the field is marked volatile, so that every thread sees the latest value, and Increment does _value++
// Replaces: SharedCounter.cs
// Found by: test header
// Why it fails: volatile makes each read and write visible to other threads, but ++ is still a read, an add and a write, and two threads can read the same old value; use Interlocked.Increment.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    // A volatile long is not allowed in C#, so this counter is an int: the race is the same.
    private volatile int _value;

    public void Increment() => _value++;

    public long Value => _value;
}
