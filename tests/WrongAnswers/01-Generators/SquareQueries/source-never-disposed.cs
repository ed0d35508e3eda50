// Wrong answer: Lazy walks the source with GetEnumerator and MoveNext by hand, without using or Dispose
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: when the consumer stops early the source's enumerator is never disposed, so its finally blocks and cleanup never run; use foreach or Select, which dispose it.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers)
    {
        var source = numbers.GetEnumerator();
        while (source.MoveNext())
        {
            yield return source.Current * source.Current;
        }
    }

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
