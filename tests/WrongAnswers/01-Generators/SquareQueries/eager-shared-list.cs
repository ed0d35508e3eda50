// Wrong answer: Eager reuses one static list, clearing and refilling it on each call to save allocations
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: a list you handed out changes when Eager is called again; each call must return its own new list (ToList()).

namespace Generators;

public static class SquareQueries
{
    private static readonly List<int> Reused = [];

    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x);

    public static List<int> Eager(IEnumerable<int> numbers)
    {
        Reused.Clear();
        foreach (var x in numbers)
        {
            Reused.Add(x * x);
        }
        return Reused;
    }
}
