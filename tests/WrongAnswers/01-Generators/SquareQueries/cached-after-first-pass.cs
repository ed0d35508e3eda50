// Wrong answer: Lazy computes on the first pass and keeps the squares, so later passes replay the cache
// Replaces: SquareQueries.cs
// Found by: blind review
// Why it fails: a query is a recipe that runs again on every pass; caching means a second pass misses changes to the source. Return numbers.Select(x => x * x).

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers)
    {
        List<int>? cache = null;
        return Replay();

        IEnumerable<int> Replay()
        {
            if (cache is null)
            {
                var filling = new List<int>();
                foreach (var x in numbers)
                {
                    filling.Add(x * x);
                    yield return x * x;
                }
                cache = filling;
                yield break;
            }
            foreach (var square in cache)
            {
                yield return square;
            }
        }
    }

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(x => x * x).ToList();
}
