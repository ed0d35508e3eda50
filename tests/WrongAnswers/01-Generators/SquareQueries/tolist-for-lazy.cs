// Wrong answer: Lazy returns numbers.Select(x => x * x).ToList(), a list typed as IEnumerable<int>
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: ToList() computes every square at the call and never again; a lazy query must do nothing until it is enumerated, so return the Select itself.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
