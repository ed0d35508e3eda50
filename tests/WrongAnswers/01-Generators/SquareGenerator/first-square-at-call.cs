// Wrong answer: Squares makes the first square at the call (to "warm up"), then an iterator yields the rest
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: calling an iterator method must run none of its body; the first square is made even if nobody enumerates. Keep all the work inside the iterator.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        if (from > to)
        {
            return [];
        }
        produced(from * from);
        var first = from * from;
        return Rest();

        IEnumerable<int> Rest()
        {
            yield return first;
            for (var x = from + 1; x <= to; x++)
            {
                produced(x * x);
                yield return x * x;
            }
        }
    }
}
