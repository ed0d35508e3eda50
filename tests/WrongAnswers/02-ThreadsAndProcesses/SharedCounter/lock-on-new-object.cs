// Wrong answer: lock (new object()) { _value++; }
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: each call locks its own brand-new object, so no two threads ever wait for each other and the lock protects nothing; lock one shared object kept in a readonly field, or use Interlocked.Increment.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    private long _value;

    public void Increment()
    {
        lock (new object())
        {
            _value++;
        }
    }

    public long Value
    {
        get
        {
            lock (new object())
            {
                return _value;
            }
        }
    }
}
