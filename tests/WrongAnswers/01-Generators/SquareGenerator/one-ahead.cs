// Wrong answer: Squares prepares (and reports) the next square before handing out the current one
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: the producer runs one step ahead of the consumer, so a square nobody asked for is made; make each square only when it is requested.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        if (from > to)
        {
            yield break;
        }
        produced(from * from);
        var ready = from * from;
        for (var x = from + 1; x <= to; x++)
        {
            produced(x * x);
            var next = x * x;
            yield return ready;
            ready = next;
        }
        yield return ready;
    }
}
