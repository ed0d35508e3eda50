// Wrong answer: a SpinLock kept in a readonly field, entered and exited around _value++
// Replaces: SharedCounter.cs
// Found by: blind review
// Why it fails: SpinLock is a struct, and a readonly struct field hands every call a fresh copy, so each thread spins on its own copy and nobody is ever kept out; use Interlocked.Increment, or lock a shared object.

namespace ThreadsAndProcesses;

public sealed class SharedCounter
{
    private readonly SpinLock _gate = new(enableThreadOwnerTracking: false);
    private long _value;

    public void Increment()
    {
        var taken = false;
        try
        {
            _gate.Enter(ref taken);
            _value++;
        }
        finally
        {
            if (taken)
            {
                _gate.Exit();
            }
        }
    }

    public long Value => Interlocked.Read(ref _value);
}
