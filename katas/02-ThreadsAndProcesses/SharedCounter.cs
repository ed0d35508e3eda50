namespace ThreadsAndProcesses;

/// <summary>
/// Kata 5 (going further: a race on a shared counter): a counter that many threads increment at
/// the same time without losing a single increment.
/// </summary>
/// <remarks>
/// TODO: keep the count in a <c>long</c> field. <c>_value++</c> is not enough: use
/// <c>Interlocked.Increment</c> (or a <c>lock</c>) and read it back with <c>Interlocked.Read</c>.
/// </remarks>
public sealed class SharedCounter
{
    /// <summary>Adds one. Safe to call from many threads at once.</summary>
    public void Increment() => throw Todo.Kata("02-threads-and-processes.dib", "Going further: a race on a shared counter");

    /// <summary>The current count.</summary>
    public long Value => throw Todo.Kata("02-threads-and-processes.dib", "Going further: a race on a shared counter");
}
