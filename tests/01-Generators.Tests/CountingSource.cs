using System.Collections;

namespace Generators.Tests;

/// <summary>
/// A sequence that counts how it is used: how many items were pulled out of it and how many
/// times someone started enumerating it. The tests use it to see whether code is lazy.
/// </summary>
public sealed class CountingSource<T>(IEnumerable<T> items) : IEnumerable<T>
{
    public int Pulled { get; private set; }
    public int Enumerations { get; private set; }

    public IEnumerator<T> GetEnumerator()
    {
        Enumerations++;
        foreach (var item in items)
        {
            Pulled++;
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public static class CountingSource
{
    public static CountingSource<int> OneTo(int count) => new(Enumerable.Range(1, count));
}
