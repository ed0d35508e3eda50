// Wrong answer: Lazy builds the list of squares on the first enumeration and hands out that same list afterwards
// Replaces: SquareQueries.cs
// Found by: test header
// Why it fails: a second enumeration does not read the source again, so it misses numbers added since; a query runs again every time, so return numbers.Select(x => x * x).

using System.Collections;

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => new Cached(numbers);

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();

    private sealed class Cached(IEnumerable<int> numbers) : IEnumerable<int>
    {
        private List<int>? squares;

        public IEnumerator<int> GetEnumerator() => (squares ??= numbers.Select(x => x * x).ToList()).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
