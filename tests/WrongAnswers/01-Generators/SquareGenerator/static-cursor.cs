// Wrong answer: Squares keeps its loop counter in a static field, so every enumeration shares it
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: a second enumeration (or a second call) carries on from where the last one stopped; keep the loop variable local to the iterator.

namespace Generators;

public static class SquareGenerator
{
    private static int x;
    private static int lastTo = int.MinValue;

    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        if (x > lastTo || lastTo != to)
        {
            x = from;
            lastTo = to;
        }
        for (; x <= to; x++)
        {
            produced(x * x);
            yield return x * x;
        }
    }
}
