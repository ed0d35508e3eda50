// Wrong answer: Lazy returns numbers.Select(x => x * x).ToArray(), an array typed as IEnumerable<int>
// Replaces: SquareQueries.cs
// Found by: test header
// Why it fails: ToArray() reads the whole source at the call and never again; a lazy query does nothing until enumerated, so return the Select itself.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToArray();

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
