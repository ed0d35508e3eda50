// Wrong answer: Lazy is an iterator, but it reads the whole source into a list on the first MoveNext
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: it waits until enumerated, yet reads every number even when the consumer takes only one; let Select pull one number per square.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers)
    {
        var all = numbers.ToList();
        foreach (var x in all)
        {
            yield return x * x;
        }
    }

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
