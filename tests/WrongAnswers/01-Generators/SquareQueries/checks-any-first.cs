// Wrong answer: Lazy first checks numbers.Any() and returns an empty array when there is nothing to square
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: Any() reads the source at the call, before anyone enumerates, and the first number is read twice; just return numbers.Select(x => x * x).

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers)
    {
        if (!numbers.Any())
        {
            return [];
        }
        return numbers.Select(x => x * x);
    }

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
