// Wrong answer: Eager sizes the list with numbers.Count() first, then fills it with a second pass
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: the source is enumerated twice, so a source that does work (or changes) per pass is run twice; ToList() reads it exactly once.

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x);

    public static List<int> Eager(IEnumerable<int> numbers)
    {
        var squares = new List<int>(numbers.Count());
        foreach (var x in numbers)
        {
            squares.Add(x * x);
        }
        return squares;
    }
}
