// Wrong answer: Squares is an iterator that yields from a ToArray() of all the squares
// Replaces: SquareGenerator.cs
// Found by: test header
// Why it fails: the first request makes every square at once; make each square inside the loop, just before its yield return.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        var all = Enumerable.Range(from, to - from + 1).Select(x =>
        {
            produced(x * x);
            return x * x;
        }).ToArray();
        foreach (var square in all)
        {
            yield return square;
        }
    }
}
