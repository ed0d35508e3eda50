using System.Collections;

namespace Generators.Tests;

/// <summary>
/// A sequence that counts how it is used: how many items were pulled out of it, how many
/// times someone started enumerating it, and how many of those enumerators are still open
/// (started but not disposed). The tests use it to see whether code is lazy and cleans up.
/// </summary>
public sealed class CountingSource<T>(IEnumerable<T> items) : IEnumerable<T>
{
    private int _open;

    public int Pulled { get; private set; }
    public int Enumerations { get; private set; }

    /// <summary>Enumerators that were started and not disposed yet.</summary>
    public int Open => Volatile.Read(ref _open);

    public IEnumerator<T> GetEnumerator()
    {
        Enumerations++;
        Interlocked.Increment(ref _open);
        try
        {
            foreach (var item in items)
            {
                Pulled++;
                yield return item;
            }
        }
        finally
        {
            // Runs when the enumerator is disposed (foreach and LINQ do that, even when they stop early).
            Interlocked.Decrement(ref _open);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class CountingSource
{
    public static CountingSource<int> OneTo(int count) => new(Enumerable.Range(1, count));
}
