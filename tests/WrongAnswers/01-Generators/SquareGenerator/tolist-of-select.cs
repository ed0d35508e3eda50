// Wrong answer: Squares returns Enumerable.Range(...).Select(x => { produced(x * x); return x * x; }).ToList()
// Replaces: SquareGenerator.cs
// Found by: test header
// Why it fails: ToList() makes every square before the consumer asks for the first; write a loop with yield return.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced) =>
        Enumerable.Range(from, to - from + 1).Select(x =>
        {
            produced(x * x);
            return x * x;
        }).ToList();
}
