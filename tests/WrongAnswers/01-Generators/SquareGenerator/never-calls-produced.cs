// Wrong answer: Squares is a correct iterator that never calls produced
// Replaces: SquareGenerator.cs
// Found by: test header
// Why it fails: produced is how you (and the tests) watch the producer work; call it with each square just before yield return.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        for (var x = from; x <= to; x++)
        {
            yield return x * x;
        }
    }
}
