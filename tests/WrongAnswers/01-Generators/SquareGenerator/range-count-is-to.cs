// Wrong answer: Squares loops over Enumerable.Range(from, to), taking the second argument for the last number
// Replaces: SquareGenerator.cs
// Found by: section review (phase 2)
// Why it fails: Range's second argument is a count, so only ranges that start at 1 come out right; loop for (var x = from; x <= to; x++).

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        foreach (var x in Enumerable.Range(from, Math.Max(0, to)))
        {
            produced(x * x);
            yield return x * x;
        }
    }
}
