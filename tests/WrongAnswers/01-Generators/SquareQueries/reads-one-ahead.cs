// Wrong answer: Lazy walks the source by hand and always fetches the next number before yielding the current square
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: it reads one number more than the consumer takes; Select reads a number only when the next square is asked for.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers)
    {
        using var source = numbers.GetEnumerator();
        if (!source.MoveNext())
        {
            yield break;
        }
        var current = source.Current;
        while (true)
        {
            var hasNext = source.MoveNext();
            var next = hasNext ? source.Current : 0;
            yield return current * current;
            if (!hasNext)
            {
                yield break;
            }
            current = next;
        }
    }

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
