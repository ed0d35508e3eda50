// Wrong answer: a [ThreadStatic] count, so that threads never touch each other's number
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: each thread counts only its own increments, and Value shows only the count of the thread that reads it; the threads must share one count, updated with Interlocked.Increment.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    [ThreadStatic]
    private static long _value;

    public void Increment() => _value++;

    public long Value => _value;
}
