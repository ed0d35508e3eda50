// Wrong answer: Lazy copies the source into an array at the call, then returns a lazy Select over the copy
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: the copy reads the whole source before anyone asks, and later changes to the source are never seen; select straight from the source instead.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers)
    {
        var copy = numbers.ToArray();
        return copy.Select(x => x * x);
    }

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
