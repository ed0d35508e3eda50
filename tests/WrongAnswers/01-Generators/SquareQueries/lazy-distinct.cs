// Wrong answer: Lazy returns numbers.Distinct().Select(x => x * x), skipping numbers it has already squared
// Replaces: SquareQueries.cs
// Found by: section review (phase 2)
// Why it fails: a repeated number must give a repeated square; square every number as it comes, with Select alone.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Distinct().Select(x => x * x);

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
