// Wrong answer: Squares reports each square to produced after the yield return, when the consumer comes back
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: the consumer sees a square before it was reported, and the last square taken is never reported; call produced just before yield return.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        for (var x = from; x <= to; x++)
        {
            yield return x * x;
            produced(x * x);
        }
    }
}
