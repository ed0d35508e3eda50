// Wrong answer: Eager remembers the list it made for each source object and returns it again next time
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: "computed right now" means every call reads the source again; a cache returns stale squares after the source changes.

using System.Runtime.CompilerServices;

namespace Generators;

public static class SquareQueries
{
    private static readonly ConditionalWeakTable<IEnumerable<int>, List<int>> Made = new();

    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x);

    public static List<int> Eager(IEnumerable<int> numbers) =>
        new(Made.GetValue(numbers, source => source.Select(x => x * x).ToList()));
}
