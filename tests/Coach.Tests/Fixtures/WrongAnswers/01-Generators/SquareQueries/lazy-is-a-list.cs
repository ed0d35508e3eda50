// Wrong answer: computing the squares at once in Lazy too
// Replaces: SquareQueries.cs
// Found by: the coach's tests (a fixture, not part of the corpus)
// Why it fails: a list is computed when it is made, so later changes to the source never show, and nothing is lazy.
namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(n => n * n).ToList();

    public static List<int> Eager(IEnumerable<int> numbers) => numbers.Select(n => n * n).ToList();
}
