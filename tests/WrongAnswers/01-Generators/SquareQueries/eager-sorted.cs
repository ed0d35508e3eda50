// Wrong answer: Eager returns the squares sorted, numbers.Select(x => x * x).Order().ToList(), "to be tidy"
// Replaces: SquareQueries.cs
// Found by: section review (phase 2)
// Why it fails: the list must keep the order of the input (and its repeats); leave out the sorting.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x);

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).Order().ToList();
}
