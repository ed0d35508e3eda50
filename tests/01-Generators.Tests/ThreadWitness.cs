namespace Generators.Tests;

/// <summary>
/// Notes the thread of every call it sees. An iterator has no thread of its own: its body runs inside
/// MoveNext, on the consumer's thread. A call seen on any other thread means the kata started a thread.
/// The witness only records; it never throws on a foreign thread (that would crash the test host).
/// </summary>
public sealed class ThreadWitness
{
    private readonly int _consumer = Environment.CurrentManagedThreadId;
    private int _foreignCalls;

    public void Saw()
    {
        if (Environment.CurrentManagedThreadId != _consumer)
        {
            Interlocked.Increment(ref _foreignCalls);
        }
    }

    public Action<T> Watch<T>(Action<T> inner) => value =>
    {
        Saw();
        inner(value);
    };

    public void AssertOnlyTheConsumersThread(string who) =>
        Assert.True(Volatile.Read(ref _foreignCalls) == 0,
            $"{who} ran {_foreignCalls} time(s) on a thread other than the consumer's. An iterator needs no thread of its own " +
            "(a thread blocked in a hand-over stays blocked for ever once the consumer stops early): " +
            "write a plain loop with yield return, which runs inside MoveNext on the consumer's thread.");
}
